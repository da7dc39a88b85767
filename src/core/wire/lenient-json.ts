// A JSON body codec that forgives one thing: a trailing comma before `}` or `]`, because a provider's own documented example has one
// (seeds/004's getCustomers, `"property_id": [property_id],`) and every documented example must work verbatim. Otherwise strict JSON.
import { jsonCodec, JSON_TYPES, textCodec, type BodyCodec } from './codecs.js';

/** The text with each comma that stands right before a closing `}` or `]` (whitespace between) dropped; strings are left as they are. */
function withoutTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  // The last character outside whitespace written, so a comma knows whether a value stands before it.
  let previous = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      previous = '"';
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j += 1;
      // A comma after a value only: `{,}` and `[1,,]` keep theirs and stay invalid.
      if ((text[j] === '}' || text[j] === ']') && previous !== '' && !'{[,'.includes(previous)) continue;
    }
    out += c;
    if (!/\s/.test(c)) previous = c;
  }
  return out;
}

/** `JSON.parse` of an object or array (as express.json's strict mode), a trailing comma forgiven. */
export function parseJsonAllowingTrailingCommas(text: string): unknown {
  // Most bodies have no comma before a closer at all: they are parsed as they are.
  const value: unknown = JSON.parse(/,\s*[}\]]/.test(text) ? withoutTrailingCommas(text) : text);
  if (typeof value !== 'object' || value === null) throw new SyntaxError('a JSON body is an object or an array');
  return value;
}

export const trailingCommaJsonCodec: BodyCodec = textCodec({ name: 'JSON', types: JSON_TYPES, parse: parseJsonAllowingTrailingCommas, ...(jsonCodec.answer ? { answer: jsonCodec.answer } : {}) });
