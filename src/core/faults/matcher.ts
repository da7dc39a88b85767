// A fault's scope matched against a request: provider, origin (the request's mount), method, a route pattern on the origin's path, a client credential.
import type { Request } from 'express';
import { match } from 'path-to-regexp';
import { basicCredentials, bearerToken } from '../http-auth.js';
import { FaultDefinitionError, type FaultSpec } from './fault-spec.js';

/** An origin the sandbox serves, with the provider serving it. */
export interface ServedOrigin {
  provider: string;
  /** As the documents write it, templates kept (`https://{subdomain}.entrata.com`). */
  origin: string;
}

/** A request as a scope sees it: found once by the middleware, the credentials read only if a fault names a client. */
export interface FaultRequest {
  provider: string;
  /** The origin of the mount the request is for, as the documents write it. */
  origin: string;
  /** The request's first path segment, the host it stands for (`sunrise.entrata.com`). */
  host: string;
  /** Upper case, as Node gives it. */
  method: string;
  /** The path below the mount, as sent (`/v1/listings/abc`). */
  path: string;
  clients(): readonly string[];
}

/**
 * The client identifiers a request carries that only its provider can tell (the client id behind a token the sandbox issued). An origin
 * may supply one beside the generic reading; none does yet.
 */
export type ClientOf = (req: Request) => readonly string[];

/**
 * The credentials any request shows without its provider's help: the bearer token itself, the Basic username (a client id, or a personal
 * access token's e-mail), and a `client_id` query parameter. Bodies are not read: a fault acts before the origin reads the body.
 */
export function genericClients(req: Request): string[] {
  const found: string[] = [];
  const authorization = req.headers.authorization;
  const token = bearerToken(authorization);
  if (token !== undefined) found.push(token);
  const basic = basicCredentials(authorization);
  if (basic !== undefined && basic !== 'malformed') found.push(basic.username);
  const clientId = (req.query as Record<string, unknown> | undefined)?.client_id;
  for (const id of Array.isArray(clientId) ? clientId : [clientId]) if (typeof id === 'string' && id !== '') found.push(id);
  return found;
}

interface ResolvedOrigin {
  provider: string;
  /** The served origin it names. */
  origin: string;
  /** For one instance of a templated origin: its host, lower case. */
  host?: string;
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A served origin by its exact name (or, for a templated one, its `*` form), else the templated origin one instance of which it names. */
export function resolveOrigin(origin: string, served: readonly ServedOrigin[]): ResolvedOrigin | undefined {
  const wanted = origin.replace(/\/+$/, '').toLowerCase();
  const exact = served.find((s) => s.origin.toLowerCase() === wanted || s.origin.replace(/\{\w+\}/g, '*').toLowerCase() === wanted);
  if (exact) return { provider: exact.provider, origin: exact.origin };
  for (const s of served) {
    if (!/\{\w+\}/.test(s.origin)) continue;
    const pattern = new RegExp(`^${s.origin.split(/\{\w+\}/).map(escaped).join('[^./]+')}$`, 'i');
    if (pattern.test(wanted)) return { provider: s.provider, origin: s.origin, host: wanted.replace(/^https?:\/\//, '') };
  }
  return undefined;
}

export type Scope = (request: FaultRequest) => boolean;

/** The spec's scope as one test; a provider or origin the sandbox does not serve, or a path pattern that does not parse, is refused. */
export function compileScope(spec: FaultSpec, served: readonly ServedOrigin[]): Scope {
  const { provider, method, client } = spec;
  if (provider !== undefined && !served.some((s) => s.provider === provider)) {
    throw new FaultDefinitionError('provider', `No provider ${provider} is served; known: ${[...new Set(served.map((s) => s.provider))].join(', ')}.`);
  }
  const origin = spec.origin === undefined ? undefined : resolveOrigin(spec.origin, served);
  if (spec.origin !== undefined && !origin) throw new FaultDefinitionError('origin', `No origin ${spec.origin} is served; known: ${served.map((s) => s.origin).join(', ')}.`);
  if (origin && provider !== undefined && origin.provider !== provider) throw new FaultDefinitionError('origin', `${spec.origin} is an origin of ${origin.provider}, not of ${provider}.`);
  let path: ((p: string) => unknown) | undefined;
  if (spec.path !== undefined) {
    if (!spec.path.startsWith('/')) throw new FaultDefinitionError('path', `path must be a route pattern on the origin's path, starting with / (e.g. /v1/listings/:id).`);
    try {
      // As Express matches routes: case-insensitive, an optional trailing slash; parameters are not decoded (a fault needs no values).
      path = match(spec.path, { decode: false });
    } catch (err) {
      throw new FaultDefinitionError('path', `path ${spec.path} does not parse: ${(err as Error).message}`);
    }
  }
  return (r) =>
    (provider === undefined || r.provider === provider) &&
    (origin === undefined || (r.origin === origin.origin && (origin.host === undefined || r.host.toLowerCase() === origin.host))) &&
    (method === undefined || r.method === method) &&
    (path === undefined || path(r.path) !== false) &&
    (client === undefined || r.clients().includes(client));
}
