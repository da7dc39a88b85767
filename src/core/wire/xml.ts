// The XML body codec (fast-xml-parser), read safely: no DOCTYPE and so no entity declarations (external entities, nested expansion), the
// origin's body limit (textCodec), well-formedness checked first; values are text, typed by the schema they are checked against.
import { XMLBuilder, XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import { textCodec, type BodyCodec } from './codecs.js';

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML 1.0's Char production: what a numeric reference may name. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * The five predefined entities and numeric references, decoded in one pass (so `&amp;#65;` stays `&#65;`); any other name is refused, as
 * XML without a DTD refuses it. The library's own decoder leaves numeric references undecoded unless HTML entities (`&nbsp;`…) are on.
 */
const entityDecoder: EntityDecoderOptions = {
  decode: (text) =>
    text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[^;&\s]+);/g, (_whole, token: string) => {
      if (!token.startsWith('#')) {
        const named = PREDEFINED[token];
        if (named === undefined) throw new SyntaxError(`undeclared entity &${token};`);
        return named;
      }
      const code = token.startsWith('#x') ? parseInt(token.slice(2), 16) : parseInt(token.slice(1), 10);
      if (!isXmlChar(code)) throw new SyntaxError(`&${token}; is not a character XML allows`);
      return String.fromCodePoint(code);
    }),
  // A document that declares entities is refused before parsing; these are never reached with any.
  addInputEntities: (entities) => {
    if (Object.keys(entities).length > 0) throw new SyntaxError('entity declarations are refused');
  },
  setExternalEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
};

const XML_TYPES = ['application/xml', 'text/xml', 'application/*+xml'];

const parser = new XMLParser({
  ignoreAttributes: true,
  // Only the five predefined entities and character references are left once a DOCTYPE is refused.
  processEntities: true,
  htmlEntities: false,
  entityDecoder,
  // Text stays text: the schema a value is checked against gives it its type (`typedBySchema`).
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, ignoreAttributes: true, processEntities: true });

/** The content of the document's one root element, which must be `root`; throws on anything else. */
export function parseXmlDocument(text: string, root: string): unknown {
  // A DOCTYPE is where entities are declared: refused before any parser sees it.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new SyntaxError('a DOCTYPE or an entity declaration');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new SyntaxError(valid.err.msg);
  const document: unknown = parser.parse(text);
  const top = typeof document === 'object' && document !== null ? Object.keys(document) : [];
  if (top.length !== 1 || top[0] !== root) throw new SyntaxError(`the root element is not <${root}>`);
  const content = (document as Record<string, unknown>)[root];
  if (Array.isArray(content)) throw new SyntaxError(`more than one <${root}>`);
  return content;
}

/**
 * An answer as an XML document: its one top-level key the root element, arrays as repeated elements of their key, text escaped; `null`
 * an empty element, `undefined` left out.
 */
export function writeXmlDocument(body: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${String(builder.build(body))}`;
}

/** An origin's XML codec: requests rooted at `root` (`<request>`), answers written as `application/xml`. */
export function xmlCodec({ root }: { root: string }): BodyCodec {
  return textCodec({ name: 'XML', types: XML_TYPES, parse: (text) => parseXmlDocument(text, root), answer: { type: 'application/xml', write: writeXmlDocument }, typedBySchema: true });
}
