// The request journal: every request and response the sandbox answered, secrets redacted, bounded, queryable; clients are verified against it.
import type { Express, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Clock } from './clock.js';
import { redact, redactForm, redactHeaders, redactText, redactUrl } from './redact.js';

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
 * What is kept per request: references and numbers only, so recording costs the hot path almost nothing.
 * Redaction happens when the journal is read: nothing leaves it (over the admin API or `query`) with a secret in clear.
 */
interface Recorded extends Omit<JournalEntry, 'at' | 'responseBody'> {
  atMs: number;
  /** The body as sent (a reference to its text or bytes, not a copy), until the body budget drops it. */
  responseText: string | Buffer | undefined;
  responseDropped: boolean;
  responseType: string | undefined;
}

/** One body larger than this is kept as a prefix. */
const MAX_BODY_CHARS = 64 * 1024;
/** Bodies are kept by reference up to this many characters in all; older entries lose their body first. */
const MAX_RETAINED_CHARS = 4 * 1024 * 1024;
const DROPPED = `[not kept: the journal keeps the most recent ${MAX_RETAINED_CHARS / 1024 / 1024} MB of response bodies]`;

const SENT_TEXT = Symbol('pms-sandbox.journal.sentText');
const STARTED = Symbol('pms-sandbox.journal.started');
type Remembering = Response & { [SENT_TEXT]?: string | Buffer; req: Request & { [STARTED]?: { at: number; perf: number } } };

export class Journal {
  private entries: Recorded[] = [];
  private nextId = 1;
  private retainedChars = 0;
  /** Entries before this index have had their bodies dropped. */
  private dropCursor = 0;

  constructor(private readonly clock: Clock, private readonly capacity: number) {}

  /**
   * Patches this app's response prototype once: the first body each response sends is remembered on it, and the request is recorded when
   * its response ends. A property write a request, where a listener and a closure per request would cost more than the rest of the record.
   */
  install(app: Express, providerOf: (path: string) => string | undefined, skip: (path: string) => boolean): void {
    const journal = this;
    const send = app.response.send;
    app.response.send = function (this: Remembering, body?: unknown) {
      if (this[SENT_TEXT] === undefined) this[SENT_TEXT] = bodyText(body);
      return send.call(this, body);
    } as Response['send'];
    const end = app.response.end;
    app.response.end = function (this: Remembering, ...args: unknown[]) {
      const ended = (end as (...a: unknown[]) => Response).apply(this, args);
      const started = this.req[STARTED];
      if (started) {
        this.req[STARTED] = undefined;
        journal.record(this.req, this, started, providerOf);
      }
      return ended;
    } as Response['end'];
    // The start is marked where Express takes the request in, not in a middleware: one router layer fewer on every request.
    const application = app as unknown as { handle: (req: Remembering['req'], ...rest: unknown[]) => unknown };
    const handle = application.handle;
    application.handle = function (this: unknown, req: Remembering['req'], ...rest: unknown[]) {
      if (journal.capacity > 0 && !skip(req.url ?? '')) req[STARTED] = { at: journal.clock.nowMs(), perf: performance.now() };
      return handle.call(this, req, ...rest);
    };
  }

  private record(req: Request, res: Remembering, started: { at: number; perf: number }, providerOf: (path: string) => string | undefined): void {
    this.push({
      id: this.nextId++,
      atMs: started.at,
      provider: providerOf(req.originalUrl),
      method: req.method,
      url: req.originalUrl,
      requestHeaders: req.headers,
      requestBody: req.body,
      status: res.statusCode,
      responseHeaders: res.getHeaders(),
      responseText: res[SENT_TEXT],
      responseDropped: false,
      responseType: res.get('content-type'),
      durationMs: Math.round((performance.now() - started.perf) * 1000) / 1000,
    });
  }

  private push(entry: Recorded): void {
    this.entries.push(entry);
    this.retainedChars += entry.responseText?.length ?? 0;
    // Dropping in blocks keeps the bound without shifting the array on every request.
    if (this.entries.length > this.capacity * 1.25) {
      const removed = this.entries.splice(0, this.entries.length - this.capacity);
      for (const old of removed) this.retainedChars -= old.responseText?.length ?? 0;
      this.dropCursor = Math.max(0, this.dropCursor - removed.length);
    }
    while (this.retainedChars > MAX_RETAINED_CHARS && this.dropCursor < this.entries.length - 1) {
      const old = this.entries[this.dropCursor++]!;
      this.retainedChars -= old.responseText?.length ?? 0;
      if (old.responseText !== undefined) old.responseDropped = true;
      old.responseText = undefined;
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
    return matches.slice(-limit).map((e) => ({
      id: e.id,
      at: new Date(e.atMs).toISOString(),
      provider: e.provider,
      method: e.method,
      url: redactUrl(e.url),
      requestHeaders: redactHeaders(e.requestHeaders),
      requestBody: String(e.requestHeaders['content-type'] ?? '').includes('x-www-form-urlencoded') ? redactForm(e.requestBody) : redact(e.requestBody),
      status: e.status,
      responseHeaders: redactHeaders(e.responseHeaders),
      responseBody: e.responseDropped ? DROPPED : e.responseText === undefined ? undefined : redactText(e.responseText.toString(), e.responseType),
      durationMs: e.durationMs,
    }));
  }

  get size(): number {
    return Math.min(this.entries.length, this.capacity);
  }

  clear(): void {
    this.entries = [];
    this.retainedChars = 0;
    this.dropCursor = 0;
  }
}

function bodyText(body: unknown): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  // Bytes are kept as they are (often a cached page shared by many answers) and decoded only when the journal is read.
  if (Buffer.isBuffer(body) && body.length <= MAX_BODY_CHARS) return body;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
  // A slice of a string keeps the whole string alive; the round trip through a Buffer keeps only the prefix.
  return text.length > MAX_BODY_CHARS ? `${Buffer.from(text.slice(0, MAX_BODY_CHARS)).toString()}…[truncated]` : text;
}
