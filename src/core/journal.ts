// The request journal: every request and response the sandbox answered, secrets redacted, bounded, queryable; clients are verified against it.
import type { Express, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Clock } from './clock.js';
import { rowJson } from './json-text.js';
import { redactHeaders, redactRequestText, redactText, redactUrl } from './redact.js';

export interface JournalEntry {
  id: number;
  at: string;
  provider: string | undefined;
  method: string;
  url: string;
  requestHeaders: Record<string, unknown>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, unknown>;
  responseBody: unknown;
  durationMs: number;
}

export interface JournalQuery {
  provider?: string;
  method?: string;
  path?: string;
  status?: number;
  limit?: number;
}

/**
 * What is kept per request: references to what the request already holds, and numbers, so recording costs the hot path almost nothing
 * and keeps little alive: the request's raw header lines and the response's header block as written, not copies made into objects.
 * Redaction and parsing happen when the journal is read: nothing leaves it (over the admin API or `query`) with a secret in clear.
 */
interface Recorded {
  id: number;
  atMs: number;
  provider: string | undefined;
  method: string;
  url: string;
  /** `req.rawHeaders`: name, value, name, value... as the client sent them. */
  rawRequestHeaders: string[];
  /** The parsed body (JSON or form fields) as JSON text, cut to MAX_BODY_CHARS when recorded, until the body budget drops it. */
  requestText: string | undefined;
  status: number;
  /** The status line and header lines exactly as written to the socket (`undefined` if none were). */
  responseHead: string | undefined;
  /** The body as sent (a reference to its text or bytes, not a copy), until the body budget drops it. */
  responseText: string | Buffer | undefined;
  /** Both bodies were dropped by the budget. */
  bodiesDropped: boolean;
  durationMs: number;
}

/** One body larger than this is kept as a prefix. */
const MAX_BODY_CHARS = 64 * 1024;
/** Bodies are kept by reference up to this many characters in all; older entries lose their body first. */
const MAX_RETAINED_CHARS = 4 * 1024 * 1024;
const DROPPED = `[not kept: the journal keeps the most recent ${MAX_RETAINED_CHARS / 1024 / 1024} MB of bodies]`;

const STARTED = Symbol('pms-sandbox.journal.started');
type Remembering = Response & { req: Request & { [STARTED]?: { at: number; perf: number } } };

export class Journal {
  private entries: Recorded[] = [];
  private nextId = 1;
  private retainedChars = 0;
  /** Entries before this index have had their bodies dropped. */
  private dropCursor = 0;
  private lastAuthorization: string | undefined;
  /** Records dropped by the bound, to be written over by new ones. */
  private spare: Recorded[] = [];

  constructor(private readonly clock: Clock, private readonly capacity: number) {}

  /**
   * Patches this app's response prototype once: a request is recorded when its response ends, with the body handed to `end` (Express's
   * `send` and `json` end with it too). A property write a request, where a listener and a closure per request would cost more than the
   * rest of the record.
   */
  install(app: Express, providerOf: (path: string) => string | undefined, skip: (path: string) => boolean): void {
    const journal = this;
    const end = app.response.end as (this: Response, chunk: unknown, encoding: unknown, callback: unknown) => Response;
    const providers = rememberedProviders(providerOf);
    // Node's `end(chunk, encoding, callback)` takes each in any of its places: passed on as given, no array made a request.
    app.response.end = function (this: Remembering, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      const ended = end.call(this, chunk, encoding, callback);
      const started = this.req[STARTED];
      if (started) {
        this.req[STARTED] = undefined;
        journal.record(this.req, this, typeof chunk === 'function' ? undefined : chunk, started, providers);
      }
      return ended;
    } as Response['end'];
    // The start is marked where Express takes the request in, not in a middleware: one router layer fewer on every request.
    const application = app as unknown as { handle: (req: Remembering['req'], res: unknown, callback: unknown) => unknown };
    const handle = application.handle;
    application.handle = function (this: unknown, req: Remembering['req'], res: unknown, callback: unknown) {
      if (journal.capacity > 0 && !skip(req.url ?? '')) req[STARTED] = { at: journal.clock.nowMs(), perf: performance.now() };
      return handle.call(this, req, res, callback);
    };
  }

  /**
   * What a request leaves in the journal is made of what the last one left wherever they are the same (a client sends the same URL,
   * headers and body again and again, and gets the same head within a second): this request's copies die young, and the journal keeps
   * no more than a record a request. Records dropped by the bound are used again for new ones.
   */
  private record(req: Request, res: Remembering, body: unknown, started: { at: number; perf: number }, providerOf: (path: string) => string | undefined): void {
    const last = this.entries.length > 0 ? this.entries[this.entries.length - 1] : undefined;
    const url = same(req.originalUrl, last?.url);
    const entry = this.spare.pop() ?? blankRecord();
    entry.id = this.nextId++;
    entry.atMs = started.at;
    entry.provider = providerOf(url);
    entry.method = req.method;
    entry.url = url;
    entry.rawRequestHeaders = this.shareHeaders(req.rawHeaders, last?.rawRequestHeaders);
    entry.requestText = same(requestText(req.body), last?.requestText);
    entry.status = res.statusCode;
    entry.responseHead = same((res as unknown as { _header?: string | null })._header ?? undefined, last?.responseHead);
    entry.responseText = bodyText(body);
    entry.bodiesDropped = false;
    entry.durationMs = Math.round((performance.now() - started.perf) * 1000) / 1000;
    this.push(entry);
  }

  /** The last request's header lines when these are the same, else these, each line the last request had at its place shared. */
  private shareHeaders(raw: string[], last: string[] | undefined): string[] {
    if (last !== undefined && last.length === raw.length) {
      let all = true;
      for (let i = 0; i < raw.length; i += 1) {
        if (raw[i] === last[i]) raw[i] = last[i]!;
        else all = false;
      }
      if (all) return last;
    }
    return this.shareAuthorization(raw);
  }

  /**
   * A client sends the same bearer token on request after request; each arrives as a string of its own (a JWT is about 1 KB). Pointing
   * the kept header at the copy kept last time lets this request's copy die young instead of being kept alive by the journal.
   */
  private shareAuthorization(raw: string[]): string[] {
    for (let i = 0; i < raw.length; i += 2) {
      if (raw[i]!.length !== 13 || raw[i]!.toLowerCase() !== 'authorization') continue;
      const value = raw[i + 1]!;
      const kept = this.lastAuthorization;
      if (kept !== undefined && value === kept) raw[i + 1] = kept;
      else this.lastAuthorization = value;
      break;
    }
    return raw;
  }

  private push(entry: Recorded): void {
    this.entries.push(entry);
    this.retainedChars += bodyChars(entry);
    // Dropping in blocks keeps the bound without shifting the array on every request.
    if (this.entries.length > this.capacity * 1.25) {
      const removed = this.entries.splice(0, this.entries.length - this.capacity);
      for (const old of removed) {
        this.retainedChars -= bodyChars(old);
        // Nothing outside holds a record (a query answers with new objects), so a dropped one is used again: no record is made a request.
        this.spare.push(old);
      }
      this.dropCursor = Math.max(0, this.dropCursor - removed.length);
    }
    while (this.retainedChars > MAX_RETAINED_CHARS && this.dropCursor < this.entries.length - 1) {
      const old = this.entries[this.dropCursor++]!;
      this.retainedChars -= bodyChars(old);
      if (old.responseText !== undefined || old.requestText !== undefined) old.bodiesDropped = true;
      old.responseText = undefined;
      old.requestText = undefined;
    }
  }

  query(filter: JournalQuery = {}): JournalEntry[] {
    const limit = filter.limit ?? this.capacity;
    const matches = this.entries.slice(-this.capacity).filter(
      (e) =>
        (filter.provider === undefined || e.provider === filter.provider) &&
        (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
        (filter.path === undefined || e.url.split('?')[0]!.includes(filter.path)) &&
        (filter.status === undefined || e.status === filter.status),
    );
    return matches.slice(-limit).map((e) => {
      const requestHeaders = headersOfRaw(e.rawRequestHeaders);
      const responseHeaders = headersOfHead(e.responseHead);
      return {
        id: e.id,
        at: new Date(e.atMs).toISOString(),
        provider: e.provider,
        method: e.method,
        url: redactUrl(e.url),
        requestHeaders: redactHeaders(requestHeaders),
        requestBody: e.bodiesDropped ? DROPPED : e.requestText === undefined ? undefined : redactRequestText(e.requestText),
        status: e.status,
        responseHeaders: redactHeaders(responseHeaders),
        responseBody: e.bodiesDropped ? DROPPED : e.responseText === undefined ? undefined : redactText(e.responseText.toString(), String(responseHeaders['content-type'] ?? '')),
        durationMs: e.durationMs,
      };
    });
  }

  get size(): number {
    return Math.min(this.entries.length, this.capacity);
  }

  /**
   * IN-PROCESS ONLY, never served or logged: the kept entries, oldest first, UNREDACTED (raw URL, headers and bodies as text), for client
   * verification (src/contracts/verify/), which must read credentials to tell whose each request was. What it returns leaves the process
   * only as entry ids (any excerpt would go through core/redact.ts first).
   */
  entriesForVerification(): JournalEntry[] {
    return this.entries.slice(-this.capacity).map((e) => ({
      id: e.id,
      at: new Date(e.atMs).toISOString(),
      provider: e.provider,
      method: e.method,
      url: e.url,
      requestHeaders: headersOfRaw(e.rawRequestHeaders),
      requestBody: e.requestText,
      status: e.status,
      responseHeaders: headersOfHead(e.responseHead),
      responseBody: e.responseText === undefined ? undefined : e.responseText.toString(),
      durationMs: e.durationMs,
    }));
  }

  clear(): void {
    this.entries = [];
    this.retainedChars = 0;
    this.dropCursor = 0;
  }
}

/** `text` as kept last time when it is the same, so this copy dies young. */
function same<T extends string | undefined>(text: T, last: string | undefined): T {
  return text !== undefined && text === last ? (last as T) : text;
}

/** A record to fill in, every field in place from the start (one shape for all of them). */
function blankRecord(): Recorded {
  return {
    id: 0,
    atMs: 0,
    provider: undefined,
    method: '',
    url: '',
    rawRequestHeaders: [],
    requestText: undefined,
    status: 0,
    responseHead: undefined,
    responseText: undefined,
    bodiesDropped: false,
    durationMs: 0,
  };
}

/** `providerOf` of each URL answered, remembered: a client asks for the same URLs again and again; bounded whatever it asks. */
function rememberedProviders(providerOf: (path: string) => string | undefined): (path: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (path) => {
    const found = known.get(path);
    if (found !== undefined || known.has(path)) return found;
    const provider = providerOf(path);
    if (known.size >= 512) known.clear();
    known.set(path, provider);
    return provider;
  };
}

function bodyText(body: unknown): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  // Bytes are kept as they are (often a cached page shared by many answers) and decoded only when the journal is read.
  if (Buffer.isBuffer(body) && body.length <= MAX_BODY_CHARS) return body;
  return cut(typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body));
}

/**
 * A request's parsed body as text, made now: keeping the parsed value would keep all of it (a 1 MB array parses to several), whatever
 * the budget. Reads (no body) cost nothing here.
 */
function requestText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  // A frozen body (one a client sent again, core/wire/codecs.ts) has its text made once.
  return cut(typeof body === 'string' ? body : typeof body === 'object' ? rowJson(body) : JSON.stringify(body));
}

function cut(text: string): string {
  // A slice of a string keeps the whole string alive; the round trip through a Buffer keeps only the prefix.
  return text.length > MAX_BODY_CHARS ? `${Buffer.from(text.slice(0, MAX_BODY_CHARS)).toString()}…[truncated]` : text;
}

function bodyChars(entry: Recorded): number {
  return (entry.responseText?.length ?? 0) + (entry.requestText?.length ?? 0);
}

/** Raw header lines as Node would fold them into `req.headers`: names lower-cased, repeats joined (`set-cookie` kept as a list). */
function headersOfRaw(raw: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) add(out, raw[i]!.toLowerCase(), raw[i + 1]!);
  return out;
}

/** The header block of a response as written ("HTTP/1.1 200 OK\r\nName: value\r\n..."), folded the same way. */
function headersOfHead(head: string | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (head === undefined) return out;
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) add(out, line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

function add(out: Record<string, string | string[]>, name: string, value: string): void {
  const had = out[name];
  if (had === undefined) out[name] = name === 'set-cookie' ? [value] : value;
  else if (Array.isArray(had)) had.push(value);
  else out[name] = `${had}${name === 'cookie' ? '; ' : ', '}${value}`;
}
