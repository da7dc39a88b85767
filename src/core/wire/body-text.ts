// A request body read as UTF-8 text in one step, for the plain case only (identity encoding, UTF-8, a Content-Length within the limit):
// what express.text gives for it, without body-parser's layers (decision 0013). Every other request is left to express.text, unchanged.
import type { Request } from 'express';
import { RequestReadError } from '../request-read.js';
import { fits } from './media-type.js';

const UNITS: Readonly<Record<string, number>> = { kb: 1 << 10, mb: 1 << 20, gb: 1 << 30, tb: 1024 ** 4, pb: 1024 ** 5 };

/**
 * A body limit in bytes as body-parser reads it (the `bytes` package: `1mb` is 1,048,576, `10kb` 10,240, `500` 500); undefined for any
 * spelling this does not read the same way, whose requests then all go to express.text.
 */
export function limitBytes(limit: string): number | undefined {
  if (/^\d+$/.test(limit)) return Number(limit);
  const found = /^(\d+(?:\.\d+)?) *(kb|mb|gb|tb|pb)$/i.exec(limit);
  return found ? Math.floor(UNITS[found[2]!.toLowerCase()]! * parseFloat(found[1]!)) : undefined;
}

/**
 * A Content-Type both body-parser's type check and its charset reader parse without doubt: a type and subtype (RFC 6838 names, as
 * media-typer checks them) and at most a UTF-8 charset. Anything else (other parameters, other charsets, stray spaces) goes to express.text.
 */
const PLAIN_TYPE = /^([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126})(?: *; *charset *= *(?:utf-8|"utf-8") *)?$/i;

/** Per list of types, what each Content-Type value sent means to it (a client sends the same one every time); bounded whatever is sent. */
const typeVerdicts = new WeakMap<readonly string[], Map<string, 'skip' | 'read' | undefined>>();

/** `read` for a plain Content-Type one of `types` fits, `skip` for a plain one none fits, undefined for one that is not plain. */
function typeReading(types: readonly string[], contentType: string | undefined): 'skip' | 'read' | undefined {
  let verdicts = typeVerdicts.get(types);
  if (!verdicts) typeVerdicts.set(types, (verdicts = new Map()));
  const header = contentType ?? '';
  const known = verdicts.get(header);
  if (known !== undefined || verdicts.has(header)) return known;
  const type = PLAIN_TYPE.exec(header);
  const verdict = !type ? undefined : types.some((pattern) => fits(pattern, type[1]!.toLowerCase())) ? 'read' : 'skip';
  if (verdicts.size >= 64) verdicts.clear();
  verdicts.set(header, verdict);
  return verdict;
}

/** on-finished's test for a request: nothing left to read (a body parser before read it all, or the socket is gone). */
function finished(req: Request): boolean {
  const socket = req.socket as Request['socket'] | null;
  return Boolean(Reflect.get(req, 'upgrade') || !socket || !socket.readable || (req.complete && !req.readable));
}

/**
 * How express.text with these `types` and this limit would treat the request, when that is plain to see: `finished` (read before), `skip`
 * (no body, a type it does not read), `read` (plain UTF-8 within the limit, for `readPlainText`); undefined for any other case.
 */
export function plainRead(req: Request, types: readonly string[], limit: number): 'finished' | 'skip' | 'read' | undefined {
  if (finished(req)) return 'finished';
  const headers = req.headers;
  const length = headers['content-length'];
  // type-is's hasBody.
  if (headers['transfer-encoding'] === undefined && Number.isNaN(Number(length))) return 'skip';
  const read = typeReading(types, headers['content-type']);
  if (read !== 'read') return read;
  // A chunked body, another encoding, one over the limit (answered after the rest is read off) are express.text's to read.
  if (headers['transfer-encoding'] !== undefined || length === undefined || !/^\d+$/.test(length) || Number(length) > limit) return undefined;
  if ((headers['content-encoding'] || 'identity').toLowerCase() !== 'identity') return undefined;
  if (!req.readable || req.readableEncoding !== null) return undefined;
  return 'read';
}

/**
 * Reads a body `plainRead` said to read: its bytes as UTF-8, a leading byte order mark dropped (as iconv-lite's decoder does). A request
 * that ends before its Content-Length (the client went away) fails as unreadable, as raw-body's `request.aborted` does.
 */
export function readPlainText(req: Request, done: (err: RequestReadError | undefined, text: string) => void): void {
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let over = false;
  // The listeners stay: after `over` they do nothing, and removing them would cost more than they do.
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    if (first === undefined) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  req.on('end', () => {
    if (over) return;
    over = true;
    const bytes = more ? Buffer.concat(more) : first;
    const text = bytes === undefined ? '' : bytes.toString('utf8');
    done(undefined, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  });
  req.on('error', () => {
    if (over) return;
    over = true;
    done(new RequestReadError({ kind: 'unreadable' }), '');
  });
}
