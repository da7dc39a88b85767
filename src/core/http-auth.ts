// The Authorization header read once for every provider: Bearer (RFC 6750 §2.1) and Basic (RFC 7617), as a tagged union each gate maps
// to its provider's own words.

export type AuthorizationHeader =
  | { scheme: 'bearer'; token: string }
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'none' }
  /** A Basic header that is not base64 of `user:password`, or a scheme with no credentials. */
  | { scheme: 'malformed' }
  | { scheme: 'other'; name: string };

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const BASIC = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i;

/** The token of `Authorization: Bearer <token>`, or undefined for anything else. */
export function bearerToken(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1];
}

/** RFC 7617 §2: base64 of `user-id:password`; the first colon splits them (a password may hold more). */
export function basicCredentials(header: string | undefined): { username: string; password: string } | 'malformed' | undefined {
  const match = BASIC.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function readAuthorization(header: string | undefined): AuthorizationHeader {
  if (header === undefined || header.trim() === '') return { scheme: 'none' };
  const token = bearerToken(header);
  if (token !== undefined) return { scheme: 'bearer', token };
  const basic = basicCredentials(header);
  if (basic === 'malformed') return { scheme: 'malformed' };
  if (basic) return { scheme: 'basic', ...basic };
  const name = /^(\S+)/.exec(header.trim())?.[1] ?? '';
  return /^(bearer|basic)$/i.test(name) ? { scheme: 'malformed' } : { scheme: 'other', name };
}
