// The one route table of every provider route, every method: a request is dispatched in one step, by mount and route, instead of through
// Express's router layer by layer (about a tenth of the CPU a listing costs, decision 0005). Matching follows Express's defaults:
// case-insensitive, an optional trailing slash, `:name` segments decoded, `*name` for the rest of the path, templated mounts
// (`/:subdomain.entrata.com`) with their parameters merged. What the table does not answer (Prism's operations, unknown paths) goes on to Express.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { describeReadFailure } from './request-read.js';

interface Route {
  /** Upper-case; GET routes answer HEAD too. */
  method: string;
  pattern: RegExp;
  names: string[];
  chain: RequestHandler[];
  /** Its place in the mount's routes: the first that matches a request is the one that takes it. */
  order: number;
}

interface Mount {
  /** Matches the mount path at the start of a request's path, capturing template labels. */
  base: RegExp;
  baseNames: string[];
  routes: Route[];
  /** Routes of a fixed path (no parameter), by method and lower-cased path: most requests find theirs with one lookup, not a scan. */
  literals: Map<string, Route>;
  /** The routes with parameters, which a literal route found by lookup must still be checked against when they come before it. */
  patterned: Route[];
  answers: MountAnswers;
}

/** A path the literal lookup can stand in for the patterns on: ASCII (so lower-casing agrees with a case-insensitive match). */
const NON_ASCII = /[^\x00-\x7f]/;
const literalKey = (method: string, path: string): string => `${method} ${path.toLowerCase()}`;

/** A request's route: its mount, the length of the mount's match, and its path parameters (undefined when one does not decode). */
export interface RouteHit {
  mount: Mount;
  route: Route;
  cut: number;
  params: Record<string, string> | undefined;
}

/** How the mount's origin answers what goes wrong in the table. */
export interface MountAnswers {
  /** A path parameter that does not decode. */
  malformed: (detail: string) => unknown;
  /**
   * Every error a chain ends with, before the app's error middleware: where the origin turns a read failure (bad JSON, a lying
   * Content-Encoding) into its own words. Express skips a mounted router's error handlers for an error raised outside it.
   */
  failed: ErrorRequestHandler;
}

function segmentSource(segment: string, names: string[]): string {
  const wildcard = /^\*(\w+)$/.exec(segment);
  if (wildcard) {
    names.push(wildcard[1]!);
    return '(.+)';
  }
  // `:name` alone or inside a label (`:subdomain.entrata.com`): the parameter runs to the next `.` or `/`.
  return segment
    .split(/(:\w+)/)
    .map((part) => {
      const param = /^:(\w+)$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return segment === part ? '([^/]+)' : '([^/.]+)';
    })
    .join('');
}

function compile(path: string, end: boolean): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => segmentSource(segment, names))
    .join('/');
  return { pattern: new RegExp(end ? `^${source}/?$` : `^${source}(?=/|$)`, 'i'), names };
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

/** Decoded parameters, or undefined when one does not decode. */
function decoded(names: readonly string[], found: RegExpExecArray, into: Record<string, string>): boolean {
  try {
    // Only a `%` makes decoding do anything (or throw); most segments hold none.
    for (let i = 0; i < names.length; i += 1) {
      const raw = found[i + 1]!;
      into[names[i]!] = raw.includes('%') ? decodeURIComponent(raw) : raw;
    }
    return true;
  } catch {
    return false;
  }
}

export class RouteTable {
  private readonly mounts: Mount[] = [];
  /** Mounts of one fixed first segment (`/open-api.guesty.com`), by that segment lower-cased: found with one lookup, not a scan. */
  private readonly byHost = new Map<string, Mount>();
  /** Templated mounts (`/:subdomain.entrata.com`), tried in order after the fixed ones. */
  private readonly templated: Mount[] = [];

  /** A mount path and how its origin answers what goes wrong; gives the function that adds a route to it. */
  mount(base: string, answers: MountAnswers): (method: string, path: string, chain: RequestHandler[]) => void {
    const { pattern, names } = compile(base, false);
    const mount: Mount = { base: pattern, baseNames: names, routes: [], literals: new Map(), patterned: [], answers };
    this.mounts.push(mount);
    const host = /^\/([^/:*]+)$/.exec(base)?.[1]?.toLowerCase();
    if (host !== undefined && !this.byHost.has(host)) this.byHost.set(host, mount);
    else this.templated.push(mount);
    return (method, path, chain) => {
      const route: Route = { method: method.toUpperCase(), ...compile(path, true), chain, order: mount.routes.length };
      mount.routes.push(route);
      // A fixed path not ending in `/` matches exactly itself, in any case, with at most one `/` after it.
      const literal = !/[:*]/.test(path) && path.length > 1 && !path.endsWith('/') && !NON_ASCII.test(path);
      if (!literal) mount.patterned.push(route);
      else if (!mount.literals.has(literalKey(route.method, path))) mount.literals.set(literalKey(route.method, path), route);
    };
  }

  /** The mount a path is under, and the match of its base. */
  private find(path: string): { mount: Mount; at: RegExpExecArray } | undefined {
    const end = path.indexOf('/', 1);
    const fixed = this.byHost.get((end < 0 ? path.slice(1) : path.slice(1, end)).toLowerCase());
    const at = fixed?.base.exec(path);
    if (fixed && at) return { mount: fixed, at };
    for (const m of this.templated) {
      const found = m.base.exec(path);
      if (found) return { mount: m, at: found };
    }
    return undefined;
  }

  /** The route a request takes (its method, its path) and the parameters of its path; undefined when no route here is its. */
  lookup(req: Request): RouteHit | undefined {
    const path = req.path;
    const hit = this.find(path);
    if (!hit) return undefined;
    const { mount, at } = hit;
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const rest = path.slice(at[0].length) || '/';
    const literal = NON_ASCII.test(rest) ? undefined : mount.literals.get(literalKey(method, rest.length > 1 && rest.endsWith('/') ? rest.slice(0, -1) : rest));
    if (literal && !mount.patterned.some((r) => r.order < literal.order && r.method === method && r.pattern.test(rest))) {
      const params: Record<string, string> = {};
      return { mount, route: literal, cut: at[0].length, params: decoded(mount.baseNames, at, params) ? params : undefined };
    }
    for (const route of mount.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(rest);
      if (!found) continue;
      const params: Record<string, string> = {};
      const malformed = !decoded(mount.baseNames, at, params) || !decoded(route.names, found, params);
      return { mount, route, cut: at[0].length, params: malformed ? undefined : params };
    }
    return undefined;
  }

  /** Runs the hit's chain; `next` gets what the chain hands on (an error in the origin's words, or a fall-through). */
  run(hit: RouteHit, req: Request, res: Response, next: NextFunction): void {
    const { mount, route, cut, params } = hit;
    if (!params) return next(mount.answers.malformed(describeReadFailure({ kind: 'malformed-path' }, req.path)));
    // As Express mounts a router: handlers see the path below the mount, and the whole URL again once they are done.
    const { url, baseUrl } = req;
    req.url = url.slice(cut) || '/';
    req.baseUrl = url.slice(0, cut);
    req.params = params;
    runChain(route.chain, req, res, (err?: unknown) => {
      req.url = url;
      req.baseUrl = baseUrl;
      if (err !== undefined) return mount.answers.failed(err, req, res, next);
      // A chain that falls through goes on as in Express: to what the origin's router holds (Prism's operations, its not-found).
      next();
    });
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const hit = this.lookup(req);
      if (!hit) return next();
      this.run(hit, req, res, next);
    };
  }
}
