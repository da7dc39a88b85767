// Secret redaction shared by the request journal and the logs: tokens, client secrets, passwords and cookies never leave in clear.

export const REDACTED = '[REDACTED]';

// Compared after lower-casing and dropping '-' and '_', so client_secret, clientSecret and Client-Secret all match.
const SECRET_NAMES = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'clientsecret',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'codeverifier',
  'password',
  'token',
  'secret',
  'apikey',
  'xapikey',
]);

export function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** A deep copy with every secret-named field replaced; depth-bounded so a hostile body cannot stall it. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretName(key) && inner !== undefined && inner !== null && inner !== '' ? REDACTED : redact(inner, depth + 1);
  }
  return out;
}

export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(headers)) out[key] = isSecretName(key) ? REDACTED : key.toLowerCase() === 'location' && typeof value === 'string' ? redactUrl(value) : value;
  return out;
}

// In a URL (an authorization response's redirect) or a form (a token request), `code` is the authorization code; in a JSON body it is
// usually an error code, so only there.
const URL_SECRET_NAMES = new Set(['code']);

/** A form body (parsed into fields) with its secrets hidden, the authorization code among them. */
export function redactForm(value: unknown): unknown {
  const fields = redact(value);
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return fields;
  const out = fields as Record<string, unknown>;
  for (const key of URL_SECRET_NAMES) if (out[key] !== undefined && out[key] !== '') out[key] = REDACTED;
  return out;
}

/** Redacts secret-named query parameters in a path+query string. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (isSecretName(key) || URL_SECRET_NAMES.has(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}

/** Redacts a raw body: JSON and form bodies field by field, anything else by secret-looking patterns. */
export function redactText(text: string, contentType: string | undefined): unknown {
  const type = contentType ?? '';
  if (type.includes('json')) {
    try {
      return redact(JSON.parse(text));
    } catch {
      return redactPatterns(text);
    }
  }
  if (type.includes('x-www-form-urlencoded')) return redactForm(Object.fromEntries(new URLSearchParams(text)));
  return redactPatterns(text);
}

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(<(password|client_secret|access_token|refresh_token|token)>)[^<]*(<\/\2>)/gi, `$1${REDACTED}$3`],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`],
  [/(Basic\s+)[A-Za-z0-9+/=]+/g, `$1${REDACTED}`],
  [/((?:access_token|refresh_token|client_secret|password|id_token)=)[^&\s]+/gi, `$1${REDACTED}`],
  // A redirect's body repeats its Location ("Found. Redirecting to https://client/cb?code=..."); in a URL, `code` is the authorization code.
  [/([?&](?:amp;)?code=)[^&\s"'<>]+/gi, `$1${REDACTED}`],
  [/("(?:access_token|refresh_token|client_secret|clientSecret|password|id_token|token)"\s*:\s*)"[^"]*"/g, `$1"${REDACTED}"`],
];

function redactPatterns(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
