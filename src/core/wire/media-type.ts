// Media types as an origin's codecs name them: what a Content-Type header says, and which patterns (`application/*+json`) it fits.
import type { Request } from 'express';

/** `Application/JSON; charset=utf-8` → `application/json`; `''` for a missing or empty header. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/**
 * Whether a media type fits a pattern as type-is (Express's body parsers) reads one: `*` stands for a whole part, `*+json` for any subtype
 * with that suffix. Wildcards count in the pattern only: a request whose Content-Type is itself a wildcard fits nothing.
 */
export function fits(pattern: string, mediaType: string): boolean {
  const [type, subtype] = mediaType.split('/');
  const [wantedType, wantedSubtype] = pattern.toLowerCase().split('/');
  if (!type || !subtype || wantedType === undefined || wantedSubtype === undefined) return false;
  if (wantedType !== '*' && wantedType !== type) return false;
  if (wantedSubtype === '*' || wantedSubtype === subtype) return true;
  const suffix = wantedSubtype.startsWith('*+') ? wantedSubtype.slice(1) : undefined;
  return suffix !== undefined && subtype.length > suffix.length && subtype.endsWith(suffix);
}

/**
 * Whether the request carries a body, judged from its headers as the body parsers judge it: a body of a type no codec reads is left
 * unparsed (`req.body` undefined), which is exactly the case to refuse.
 */
export function sendsBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}
