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

/** Past this depth a subtree is hidden whole: redaction fails closed rather than recursing without end. */
const MAX_REDACT_DEPTH = 1000;

/** A deep copy with every secret-named field replaced (and any named in `alsoSecret`), at any depth. */
export function redact(value: unknown, alsoSecret?: ReadonlySet<string>, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_REDACT_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redact(item, alsoSecret, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const secret = isSecretName(key) || alsoSecret?.has(key) === true;
    out[key] = secret && inner !== undefined && inner !== null && inner !== '' ? REDACTED : redact(inner, alsoSecret, depth + 1);
  }
  return out;
}

export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(headers)) out[key] = isSecretName(key) ? REDACTED : key.toLowerCase() === 'location' && typeof value === 'string' ? redactUrl(value) : value;
  return out;
}

// In a URL (an authorization response's redirect) or anything a client sends (a token form, a JSON token request, Entrata's `auth.code`),
// `code` is the authorization code; in a response body it is usually an error code, so only there.
const REQUEST_SECRET_NAMES: ReadonlySet<string> = new Set(['code']);

/** A request body (parsed, of any format) with its secrets hidden, the authorization code among them. */
export function redactRequest(value: unknown): unknown {
  return redact(value, REQUEST_SECRET_NAMES);
}

/** A form body (parsed into fields) with its secrets hidden. */
export function redactForm(value: unknown): unknown {
  return redactRequest(value);
}

/** Redacts secret-named query parameters in a path+query string. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (isSecretName(key) || REQUEST_SECRET_NAMES.has(key)) {
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
];

/** A request body kept as JSON text (cut at the journal's size, so perhaps no longer JSON): fields redacted, or patterns when cut. */
export function redactRequestText(text: string): unknown {
  try {
    return redactRequest(JSON.parse(text));
  } catch {
    return redactPatterns(text, REQUEST_SECRET_NAMES);
  }
}

// A `"name": "value"` pair of JSON text that no longer parses; a value cut by the journal's size limit runs to the end of the text.
const JSON_STRING_PAIR = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"(?:[^"\\]|\\.)*(?:"|\\?$)/g;

function redactPatterns(text: string, alsoSecret?: ReadonlySet<string>): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out.replace(JSON_STRING_PAIR, (pair, name: string, colon: string) => (isSecretName(name) || alsoSecret?.has(name) ? `"${name}"${colon}"${REDACTED}"` : pair));
}
