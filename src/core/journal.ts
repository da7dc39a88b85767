// The request journal: every request and response the sandbox answered, secrets redacted, bounded, queryable; clients are verified against it.
import type { Express, RequestHandler, Response } from 'express';
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
  /** The text as sent (a reference, not a copy), until the body budget drops it. */
  responseText: string | undefined;
  responseDropped: boolean;
  responseType: string | undefined;
}

/** One body larger than this is kept as a prefix. */
const MAX_BODY_CHARS = 64 * 1024;
/** Bodies are kept by reference up to this many characters in all; older entries lose their body first. */
const MAX_RETAINED_CHARS = 4 * 1024 * 1024;
const DROPPED = `[not kept: the journal keeps the most recent ${MAX_RETAINED_CHARS / 1024 / 1024} MB of response bodies]`;

const SENT_TEXT = Symbol('pms-sandbox.journal.sentText');
type Remembering = Response & { [SENT_TEXT]?: string };

export class Journal {
  private entries: Recorded[] = [];
  private nextId = 1;
  private retainedChars = 0;
  /** Entries before this index have had their bodies dropped. */
  private dropCursor = 0;

  constructor(private readonly clock: Clock, private readonly capacity: number) {}

  /**
   * Patches this app's response prototype once, so the first body each response sends is remembered on it:
   * one property write a request, where a wrapper per request would cost a closure and a bind.
   */
  install(app: Express, providerOf: (path: string) => string | undefined, skip: (path: string) => boolean): void {
    const send = app.response.send;
    app.response.send = function (this: Remembering, body?: unknown) {
      if (this[SENT_TEXT] === undefined) this[SENT_TEXT] = bodyText(body);
      return send.call(this, body);
    } as Response['send'];
    app.use(this.recorder(providerOf, skip));
  }

  /** Express middleware recording each request once its response has finished. */
  private recorder(providerOf: (path: string) => string | undefined, skip: (path: string) => boolean): RequestHandler {
    return (req, res, next) => {
      if (this.capacity <= 0 || skip(req.path)) return next();
      const started = performance.now();
      const atMs = this.clock.nowMs();
      res.on('finish', () => {
        this.push({
          id: this.nextId++,
          atMs,
          provider: providerOf(req.originalUrl),
          method: req.method,
          url: req.originalUrl,
          requestHeaders: req.headers,
          requestBody: req.body,
          status: res.statusCode,
          responseHeaders: res.getHeaders(),
          responseText: (res as Remembering)[SENT_TEXT],
          responseDropped: false,
          responseType: res.get('content-type'),
          durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        });
      });
      next();
    };
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
      responseBody: e.responseDropped ? DROPPED : e.responseText === undefined ? undefined : redactText(e.responseText, e.responseType),
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

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
  // A slice of a string keeps the whole string alive; the round trip through a Buffer keeps only the prefix.
  return text.length > MAX_BODY_CHARS ? `${Buffer.from(text.slice(0, MAX_BODY_CHARS)).toString()}…[truncated]` : text;
}
