// The request journal: every request and response the sandbox answered, secrets redacted, bounded, queryable; clients are verified against it.
import type { RequestHandler, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Clock } from './clock.js';
import { redact, redactHeaders, redactText, redactUrl } from './redact.js';

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
  responseText: string | undefined;
  responseType: string | undefined;
}

/** Larger response bodies are kept truncated: the journal is for checking what clients sent, and must stay small. */
const MAX_BODY_CHARS = 8 * 1024;

export class Journal {
  private entries: Recorded[] = [];
  private nextId = 1;

  constructor(private readonly clock: Clock, private readonly capacity: number) {}

  /** Express middleware recording each request once its response has finished. */
  recorder(providerOf: (path: string) => string | undefined, skip: (path: string) => boolean): RequestHandler {
    return (req, res, next) => {
      if (this.capacity <= 0 || skip(req.path)) return next();
      const started = performance.now();
      const atMs = this.clock.nowMs();
      let responseText: string | undefined;
      const send = res.send.bind(res) as Response['send'];
      res.send = ((body?: unknown) => {
        if (responseText === undefined) responseText = bodyText(body);
        return send(body);
      }) as Response['send'];
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
          responseText,
          responseType: res.get('content-type'),
          durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        });
      });
      next();
    };
  }

  private push(entry: Recorded): void {
    this.entries.push(entry);
    // Dropping in blocks keeps the bound without shifting the array on every request.
    if (this.entries.length > this.capacity * 1.25) this.entries = this.entries.slice(-this.capacity);
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
      requestBody: redact(e.requestBody),
      status: e.status,
      responseHeaders: redactHeaders(e.responseHeaders),
      responseBody: e.responseText === undefined ? undefined : redactText(e.responseText, e.responseType),
      durationMs: e.durationMs,
    }));
  }

  get size(): number {
    return Math.min(this.entries.length, this.capacity);
  }

  clear(): void {
    this.entries = [];
  }
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
  // A slice of a string keeps the whole string alive; the round trip through a Buffer keeps only the prefix.
  return text.length > MAX_BODY_CHARS ? `${Buffer.from(text.slice(0, MAX_BODY_CHARS)).toString()}…[truncated]` : text;
}
