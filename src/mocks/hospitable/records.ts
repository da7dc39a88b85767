// Records as Hospitable writes them, made without faker (provider-facts.md §2): amounts in minor units with their formatted text, the
// Laravel Passport token formats (`eyJ0eXA…` JWT access tokens, `def50200…` refresh tokens and codes) and the trace id of every answer.
import { randomBytes, randomUUID } from 'node:crypto';

/** Passport's header, `typ` first: what makes every access token start `eyJ0eXAi`. */
const HEADER = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256' })).toString('base64url');

/** Passport's personal access client, the audience of every personal access token. */
export const PERSONAL_ACCESS_CLIENT = '9a0c4f1e-2b7d-4e35-8f60-3c1d5b9a7e24';
/** Passport's default lifetime of a personal access token (Hospitable publishes none). */
export const PAT_LIFETIME_SECONDS = 365 * 86_400;

/** provider-facts: PATs carry `pat:read` (it shows listings' platform names and e-mails); Write adds `pat:write`. */
export function patScopes(permissions: readonly string[]): string[] {
  return permissions.map((p) => `pat:${p}`);
}

/** A 4096-bit RSA signature's length (what `passport:keys` makes): 512 bytes, 683 base64url characters. */
export const SIGNATURE_BYTES = 512;

/** Passport's access-token claims: the client as audience, an 80-hex jti, times in seconds with a fraction, the user, the scopes. */
export interface PassportClaims {
  aud: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  sub: string;
  scopes: string[];
}

export function passportClaims(clientId: string, userId: string, scopes: readonly string[], issuedMs: number, lifetimeSeconds: number, jti: string): PassportClaims {
  const seconds = (ms: number): number => Number((ms / 1000).toFixed(6));
  return { aud: clientId, jti, iat: seconds(issuedMs), nbf: seconds(issuedMs), exp: seconds(issuedMs + lifetimeSeconds * 1000), sub: userId, scopes: [...scopes] };
}

/**
 * An access token in Passport's form. Hospitable publishes no key to verify it with, so the sandbox knows its tokens by value and the
 * signature is random bytes of an RS256 signature's length: `signature` from the seed for seeded tokens, fresh otherwise.
 */
export function passportJwt(claims: PassportClaims, signature: Buffer = randomBytes(SIGNATURE_BYTES)): string {
  return `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature.toString('base64url')}`;
}

/** defuse/php-encryption's ciphertext as Passport writes refresh tokens and codes: `def50200` and hex (about 1000 characters a refresh token). */
export function encryptedHandle(bytes: number): string {
  return `def50200${randomBytes(bytes).toString('hex')}`;
}

export const refreshTokenHandle = (): string => encryptedHandle(496);
export const authorizationCodeHandle = (): string => encryptedHandle(350);

/** Passport's token id: 80 lower-case hex characters. */
export const tokenId = (): string => randomBytes(40).toString('hex');

/** `X-hospitable-trace`: one id an answer. */
/** 32 hex digits a response; randomUUID draws from a pooled buffer, far cheaper a call than randomBytes. */
export const traceId = (): string => randomUUID().replaceAll('-', '');

const formats = new Map<string, Intl.NumberFormat>();

/** provider-facts: `{amount: 15000, currency: "EUR", formatted: "€150.00"}`; amounts are minor units. */
export function formatMoney(amount: number, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format.format(amount / 100);
}

export function money(amount: number, currency: string): { amount: number; formatted: string } {
  return { amount, formatted: formatMoney(amount, currency) };
}

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** The calendar's `day` of a `YYYY-MM-DD` date. */
export function weekday(date: string): (typeof DAYS)[number] {
  return DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}
