// The app-level middleware that applies faults to requests for provider origins before the route table dispatches them; no fault, one length check.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ErrorCatalogue } from '../errors.js';
import type { FaultStore } from './faults.js';
import { genericClients, type ClientOf, type FaultRequest } from './matcher.js';
import { statusError } from './status-answer.js';

/** A provider origin as faults see it: where it is mounted and whose words answer a status fault there. */
export interface FaultMount {
  /** Matches the mount at the start of a request's path (case-insensitive, as the route table matches). */
  prefix: RegExp;
  provider: string;
  /** The real origin as the documents write it. */
  origin: string;
  /** The origin's own catalogue (`mount.errors ?? provider.errors`): its `status` answers a status fault. */
  errors: ErrorCatalogue;
  /** Client identifiers only the provider can tell from a request, beside the generic ones. */
  clientOf?: ClientOf;
}

const through: RequestHandler = (_req, _res, next) => next();

/** The request as the scopes see it: its mount's provider and origin, the path below the mount, the credentials read on first need. */
function faultRequest(req: Request, path: string, mount: FaultMount): FaultRequest {
  const slash = path.indexOf('/', 1);
  let clients: readonly string[] | undefined;
  return {
    provider: mount.provider,
    origin: mount.origin,
    host: slash < 0 ? path.slice(1) : path.slice(1, slash),
    method: req.method,
    path: slash < 0 ? '/' : path.slice(slash),
    clients: () => (clients ??= [...genericClients(req), ...(mount.clientOf?.(req) ?? [])]),
  };
}

/**
 * Faults first, then `inner` (the route table): a request no fault fires for goes straight on, so wrapping the table costs no router layer.
 * A status fault is handed to the error middleware as the origin's own error (rendered in the request's format where the origin has one);
 * a drop closes the socket without a byte; latency waits on real time before the fault acts or the request goes on.
 */
export function faultMiddleware(store: FaultStore, mounts: readonly FaultMount[], inner: RequestHandler = through): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (store.size === 0) return inner(req, res, next);
    const path = req.path;
    const mount = mounts.find((m) => m.prefix.test(path));
    const fault = mount ? store.fire(faultRequest(req, path, mount)) : undefined;
    if (!mount || !fault) return inner(req, res, next);
    const act = (): void => {
      try {
        if (fault.drop) req.socket.destroy();
        else if (fault.status !== undefined) next(statusError(mount.errors, fault.status, fault.retryAfter));
        else inner(req, res, next);
      } catch (err) {
        next(err);
      }
    };
    if (!fault.latencyMs) return act();
    // Real time, not the virtual clock: latency is about the wire. A client that hung up meanwhile is not answered.
    setTimeout(() => {
      if (!req.socket.destroyed) act();
    }, fault.latencyMs);
  };
}
