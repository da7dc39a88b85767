// What a provider is: a value assembled in its index.ts from core machinery, mounted by the server without knowing which provider it is.
import type { Request, RequestHandler } from 'express';
import type { SandboxConfig } from '../config.js';
import type { Clock } from './clock.js';
import type { ErrorCatalogue } from './errors.js';
import type { Logger } from './log.js';
import type { OpenApiDocument } from './openapi.js';
import type { QuotaWindows } from './rate-limit.js';
import type { SeedWorker } from './seed-worker.js';
import type { KeyRing } from './tokens/signing-keys.js';
import type { ErrorRenderer } from './wire/answer.js';
import type { BodyCodec } from './wire/codecs.js';
import type { RpcRoute } from './wire/rpc-route.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A REST route: a method and a path, answered by its handler. The default kind, so a route without `kind` is one. */
export interface RouteSpec {
  kind?: 'rest';
  method: HttpMethod;
  /** Express path below the origin, e.g. `/v1/listings/:id`. */
  path: string;
  /** The OpenAPI operation it answers; its request is validated against the document after `guard` and before `handle`. */
  operationId?: string;
  /** `false` for operations that check their own input in the provider's own words (an OAuth token endpoint). */
  validate?: false;
  /** What runs before validation: authentication, rate limits. */
  guard?: RequestHandler[];
  handle: RequestHandler;
  /** For admin routes: the OpenAPI operation object that describes it in /__sandbox/openapi.json. */
  doc?: Record<string, unknown>;
}

/** A route of an origin: REST (a path a resource) or RPC (one path a service, the operation named in the body). */
export type OriginRoute = RouteSpec | RpcRoute;

export interface OriginMount {
  /** The real origin exactly as the provider's documents write it, e.g. `https://open-api.guesty.com`. */
  origin: string;
  routes: OriginRoute[];
  /** Run in front of spec operations that Prism answers (the origin's authentication), so they are guarded like the rest. */
  prismGuard?: RequestHandler[];
  /** Where an origin answers in another style than the provider's API (an identity server's OAuth errors); default the provider's. */
  errors?: ErrorCatalogue;
  /** The body formats it reads and answers in, the first that writes answering bodiless requests; default JSON and form (`DEFAULT_CODECS`). */
  codecs?: readonly BodyCodec[];
  /** How a provider error is put on the wire for a request (`inRequestFormat`: in the request's own format); default the error as thrown. */
  renderError?: ErrorRenderer;
  /** For a templated origin: the label values of each instance that exists now (`[{subdomain: 'sunrise'}]`), listed in the origin map. */
  instances?(): ReadonlyArray<Readonly<Record<string, string>>>;
}

export interface ProviderSpec {
  file: string;
  /** Parsed on first use (or by `warm`), never on the start path. */
  document: () => OpenApiDocument;
}

export interface Provider {
  id: string;
  title: string;
  origins: OriginMount[];
  spec: ProviderSpec | undefined;
  errors: ErrorCatalogue;
  /** The seeded credentials, named in the provider's own words; `sandboxUrl` for any URL among them. */
  credentials(sandboxUrl: string): unknown;
  /** Admin routes mounted at `/__sandbox/<id>`. */
  admin: RouteSpec[];
  /** Back to the seed: state, issued tokens, quotas. */
  reset(): void;
}

/** What core hands every provider when it is assembled. */
export interface ProviderContext {
  config: Readonly<SandboxConfig>;
  clock: Clock;
  keys: KeyRing;
  quotas: QuotaWindows;
  /** Where seed data is made (off the serving thread); a provider asks for its jobs in `create`. */
  seeds: SeedWorker;
  logger: Logger;
  /** The sandbox's own base URL as the client reached it (or as configured). */
  sandboxUrl(req: Request): string;
}

export interface ProviderDefinition {
  id: string;
  create(ctx: ProviderContext): Provider;
}
