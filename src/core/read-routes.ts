// A precompiled table for the read hot path: GET and HEAD requests to a provider's own routes are dispatched in one step, by mount and
// route, instead of through Express's router layer by layer (about a tenth of the CPU a listing costs). Matching follows Express's
// defaults: case-insensitive, an optional trailing slash, `:name` segments decoded; a request the table does not answer goes on to Express.
import { describeReadFailure } from './request-read.js';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

interface ReadRoute {
  pattern: RegExp;
  names: string[];
  chain: RequestHandler[];
}

interface Mount {
  /** Lower-case mount path, e.g. `/open-api.guesty.com`. */
  base: string;
  routes: ReadRoute[];
  answers: MountAnswers;
}

/** The origin's own errors for what the table itself cannot route. */
export interface MountAnswers {
  /** A route's last handler falling through (calling `next()`): the origin's not-found. */
  unmatched: (req: Request) => unknown;
  /** A path parameter that does not decode. */
  malformed: (detail: string) => unknown;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const param = /^:(\w+)$/.exec(segment);
      if (param) {
        names.push(param[1]!);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`, 'i'), names };
}

/** Runs handlers as Express runs a route's stack: in order, each on `next()`, a throw or a rejected promise ending it with the error. */
function runChain(chain: readonly RequestHandler[], req: Request, res: Response, done: (err?: unknown) => void): void {
  let index = 0;
  const next: NextFunction = (err?: unknown) => {
    if (err !== undefined && err !== null) return done(err);
    const handler = chain[index++];
    if (!handler) return done();
    try {
      const result = handler(req, res, next) as unknown;
      if (result instanceof Promise) result.then(undefined, (reason: unknown) => done(reason ?? new Error('a handler rejected without a reason')));
    } catch (caught) {
      done(caught);
    }
  };
  next();
}

export class ReadRoutes {
  private readonly mounts: Mount[] = [];

  /** Templated mounts (`/:subdomain.entrata.com`) are left to Express. */
  mount(base: string, answers: MountAnswers): ((path: string, chain: RequestHandler[]) => void) | undefined {
    if (base.includes(':')) return undefined;
    const mount: Mount = { base: base.toLowerCase(), routes: [], answers };
    this.mounts.push(mount);
    return (path, chain) => void mount.routes.push({ ...compile(path), chain });
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const path = req.path;
      const lower = path.toLowerCase();
      const mount = this.mounts.find((m) => lower.startsWith(m.base) && (lower.length === m.base.length || lower[m.base.length] === '/'));
      if (!mount) return next();
      const rest = path.slice(mount.base.length) || '/';
      for (const route of mount.routes) {
        const found = route.pattern.exec(rest);
        if (!found) continue;
        const params: Record<string, string> = {};
        try {
          route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
        } catch {
          return next(mount.answers.malformed(describeReadFailure({ kind: 'malformed-path' }, path)));
        }
        // As Express mounts a router: handlers see the path below the mount, and the whole URL again once they are done.
        const { url, baseUrl } = req;
        req.url = url.slice(mount.base.length) || '/';
        req.baseUrl = url.slice(0, mount.base.length);
        req.params = params;
        return runChain(route.chain, req, res, (err?: unknown) => {
          const unmatched = err === undefined ? mount.answers.unmatched(req) : err;
          req.url = url;
          req.baseUrl = baseUrl;
          next(unmatched);
        });
      }
      return next();
    };
  }
}
