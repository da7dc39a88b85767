// OAuth 2.0 client authentication at a token endpoint (RFC 6749 §2.3.1): HTTP Basic (`client_secret_basic`) or form fields (`client_secret_post`).
// Providers map each outcome to their own error words.
import { basicCredentials } from '../http-auth.js';

export type ClientAuthentication =
  | { method: 'client_secret_basic' | 'client_secret_post'; clientId: string; clientSecret: string | undefined }
  | { method: 'none' }
  /** A Basic header that does not decode to `id:secret`. */
  | { method: 'malformed' }
  /** Basic credentials and form credentials together, which RFC 6749 §2.3 forbids. */
  | { method: 'both' };

/** A form field sent once; a repeated field is the caller's `invalid_request`. */
export function formField(body: Record<string, unknown>, name: string): string | undefined | string[] {
  const value = body[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** RFC 6749 §2.3.1: id and secret are form-encoded, then joined by ':' and base64-encoded (HTTP Basic, read by core/http-auth.ts). */
function decodeBasic(header: string | undefined): ClientAuthentication | undefined {
  const basic = basicCredentials(header);
  if (basic === undefined) return undefined;
  if (basic === 'malformed') return { method: 'malformed' };
  const unform = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { method: 'client_secret_basic', clientId: unform(basic.username), clientSecret: unform(basic.password) };
}

export function clientAuthentication(authorization: string | undefined, body: Record<string, unknown>): ClientAuthentication {
  const basic = decodeBasic(authorization);
  const id = body.client_id;
  const secret = body.client_secret;
  const inForm = (typeof id === 'string' && id !== '') || (typeof secret === 'string' && secret !== '');
  if (basic && inForm) return { method: 'both' };
  if (basic) return basic;
  if (typeof id === 'string' && id !== '') return { method: 'client_secret_post', clientId: id, clientSecret: typeof secret === 'string' && secret !== '' ? secret : undefined };
  return { method: 'none' };
}
