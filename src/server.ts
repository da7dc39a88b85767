// Builds the Express app: every registered provider at its origins' mount paths, the admin API, one unmatched-route handler and one error middleware. Nothing provider-specific.
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import type { SandboxConfig } from './config.js';
import { buildAdminRouter } from './admin/routes.js';
import { clientNamesOf } from './contracts/verify/client-names.js';
import { Clock } from './core/clock.js';
import { renderErrors, SandboxProblem, translateReadErrors, type ProviderError, type WireResponse } from './core/errors.js';
import { FaultStore } from './core/faults/faults.js';
import { installFrontDoor } from './core/front-door.js';
import { faultMiddleware } from './core/faults/middleware.js';
import { Journal } from './core/journal.js';
import { createLogger, type Logger } from './core/log.js';
import { nearestRoute, type KnownRoute } from './core/nearest-route.js';
import { once } from './core/once.js';
import { listedOrigins, mountPath, sandboxBaseUrl } from './core/origins.js';
import { PrismResponder } from './core/prism.js';
import type { OriginMount, Provider, ProviderContext, ProviderDefinition } from './core/provider.js';
import { QuotaWindows } from './core/rate-limit.js';
import { RouteTable } from './core/route-table.js';
import { SeedWorker } from './core/seed-worker.js';
import { KeyRing } from './core/tokens/signing-keys.js';
import { validateRequest } from './core/validate.js';
import { writeAnswer } from './core/wire/answer.js';
import { answerFormat, bodyReader, codecReading, DEFAULT_CODECS, jsonCodec } from './core/wire/codecs.js';
import { rpcHandlers } from './core/wire/rpc-dispatch.js';
import { registry } from './mocks/registry.js';

export const ADMIN_PREFIX = '/__sandbox';

export interface Sandbox {
  app: Express;
  config: Readonly<SandboxConfig>;
  clock: Clock;
  journal: Journal;
  /** Faults injected into provider requests (POST /__sandbox/faults); cleared by `reset`. */
  faults: FaultStore;
  keys: KeyRing;
  logger: Logger;
  providers: readonly Provider[];
  /** Each real origin, as the documents write it, → its sandbox base URL. */
  origins(sandboxUrl: string): Record<string, string>;
  /** The seeded credentials keyed by provider id. */
  credentials(sandboxUrl: string): Record<string, unknown>;
  /** Back to the seed: every provider's state, tokens and quotas, the journal and the faults. The clock is left where it is. */
  reset(): void;
  /** Work kept off the start path (seed data, signing keys, specs), done in the background. Call once the server listens. */
  warm(): void;
  /** Resolves once the seed worker has made every provider's seed data (each is taken, and so deserialized, on its first use). */
  seeded(): Promise<void>;
}

export interface CreateSandboxOptions {
  providers?: readonly ProviderDefinition[];
  logger?: Logger;
}

/** The start of a URL below an origin's mount, a templated label (`:subdomain`) standing for any one. */
function mountPrefix(origin: string, flags = ''): RegExp {
  return new RegExp(`^${mountPath(origin).replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}([/?]|$)`, flags);
}

function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}

export function sandboxUrlOf(config: Readonly<SandboxConfig>, req: Request): string {
  return config.publicUrl ?? `${protocolOf(req)}://${req.get('host') ?? `localhost:${config.port}`}`;
}

/**
 * `req.protocol`, without asking the trust-proxy setting about the peer's address (a parse of it on every call) when no
 * `X-Forwarded-Proto` came: Express answers the socket's own protocol then, trusted peer or not.
 */
function protocolOf(req: Request): string {
  if (req.headers['x-forwarded-proto'] !== undefined) return req.protocol;
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
}

export function createSandbox(config: Readonly<SandboxConfig>, options: CreateSandboxOptions = {}): Sandbox {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = new Clock();
  const journal = new Journal(clock, config.journalSize);
  const keys = new KeyRing(config.signingKeyFile);
  const quotas = new QuotaWindows(clock);
  const prism = new PrismResponder(logger);
  const seeds = new SeedWorker();
  const ctx: ProviderContext = { config, clock, keys, quotas, seeds, logger, sandboxUrl: (req) => sandboxUrlOf(config, req) };

  const wanted = config.providers.length > 0 ? new Set(config.providers) : undefined;
  const definitions = (options.providers ?? registry).filter((d) => !wanted || wanted.has(d.id));
  if (wanted) for (const id of wanted) if (!definitions.some((d) => d.id === id)) throw new RangeError(`unknown provider "${id}"; known: ${registry.map((d) => d.id).join(', ')}`);
  const providers = definitions.map((d) => d.create(ctx));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  // The sandbox sends no validators (no ETag, no Last-Modified), so no request is ever fresh; Express would otherwise answer 304 to
  // `If-None-Match: *`, which these providers' APIs do not (their GETs are not conditional).
  Object.defineProperty(app.request, 'fresh', { configurable: true, get: () => false });

  const known: KnownRoute[] = [];
  const warmers: Array<() => void> = [];
  const providerByMount = providers.flatMap((p) => p.origins.map((o) => ({ prefix: mountPrefix(o.origin), id: p.id })));
  const providerOf = (path: string): string | undefined => providerByMount.find((m) => m.prefix.test(path))?.id;

  // Every provider route is dispatched from one table; Express keeps the admin API, Prism's operations and the not-found answers.
  const table = new RouteTable();
  // Faults act in front of the table, after the journal (a faulted request is recorded as answered); wrapping it adds no router layer.
  // A fault naming a client matches the client behind a request's token as verification names it (read only when such a fault exists).
  const clientOf = (p: Provider) => (req: Request) => clientNamesOf(p.id, req, journal.entriesForVerification(), p.credentials(sandboxUrlOf(config, req)));
  const faultMounts = providers.flatMap((p) => p.origins.map((o) => ({ prefix: mountPrefix(o.origin, 'i'), provider: p.id, origin: o.origin, errors: o.errors ?? p.errors, clientOf: clientOf(p) })));
  const faults = new FaultStore(faultMounts, config.seed);
  const faulted = faultMiddleware(faults, faultMounts, table.middleware());
  // A table route is taken at the door, ahead of Express's router, unless a fault is set (faults then go first, as the layer below runs them).
  const door = installFrontDoor(
    app,
    (req, res, onward) => {
      if (faults.size > 0) return false;
      const hit = table.lookup(req);
      if (hit === undefined) return false;
      table.run(hit, req, res, onward);
      return true;
    },
    logger.isLevelEnabled('info') ? requestLog(logger) : undefined,
  );
  // After the door, so a request is marked started before either way in.
  journal.install(app, providerOf, (path) => path.startsWith(ADMIN_PREFIX));
  app.use(door.resumeOr(faulted));

  const sandbox: Sandbox = {
    app,
    config,
    clock,
    journal,
    faults,
    keys,
    logger,
    providers,
    origins: (sandboxUrl) =>
      Object.fromEntries(providers.flatMap((p) => p.origins.flatMap((o) => listedOrigins(o.origin, o.instances?.() ?? []).map((origin) => [origin, sandboxBaseUrl(sandboxUrl, origin)])))),
    credentials: (sandboxUrl) => Object.fromEntries(providers.map((p) => [p.id, p.credentials(sandboxUrl)])),
    reset: () => {
      quotas.reset();
      for (const p of providers) p.reset();
      journal.clear();
      faults.reset();
    },
    warm: () => {
      // One worker for every provider's seed jobs (a sandbox that is never warmed, as `urls` makes, starts it on its first take).
      seeds.start();
      // After listen, one step a turn of the event loop, so a request arriving meanwhile waits for one step at most.
      // Prism is not among them: its import blocks for over a second, so only the first request it answers pays for it.
      const steps = [() => void keys.ready(), ...warmers];
      const next = (): void => {
        const step = steps.shift();
        if (!step) return;
        step();
        setImmediate(next);
      };
      setImmediate(next);
    },
    seeded: () => seeds.settled(),
  };

  app.use(ADMIN_PREFIX, buildAdminRouter(sandbox, ctx));
  known.push({ method: 'GET', path: `${ADMIN_PREFIX}/openapi.json` });

  for (const provider of providers) {
    for (const mount of provider.origins) {
      const base = mountPath(mount.origin);
      const mounted = mountOrigin(provider, mount, config, logger, prism, table, (route) => known.push({ method: route.method, path: `${base}${route.path}` }));
      app.use(base, mounted.router);
      warmers.push(mounted.warm);
    }
  }

  app.use((req, _res, next) => {
    const near = nearestRoute(req.method, req.path, known);
    const detail = `pms-sandbox has no route for ${req.method} ${req.path}.${near ? ` The nearest known route is ${near.method} ${near.path}.` : ''} GET ${ADMIN_PREFIX}/origins lists the base URL of every provider origin.`;
    next(new SandboxProblem(404, 'No such route', detail));
  });
  app.use(renderErrors(logger, errorWire(providers, logger)));
  return sandbox;
}

/**
 * How each origin that declares an error renderer puts a provider error for a request on the wire; the others' errors go as thrown.
 * Found by the request's path when an error is rendered, so no request pays for it before (reads least of all).
 */
function errorWire(providers: readonly Provider[], logger: Logger): (error: ProviderError, req: Request) => WireResponse {
  const renderers = providers.flatMap((p) =>
    // Case-insensitive, as Express matches the mount; tested on the URL as sent, whatever a router has made of `req.url` by then.
    p.origins.flatMap((o) => (o.renderError ? [{ prefix: mountPrefix(o.origin, 'i'), codecs: o.codecs ?? DEFAULT_CODECS, render: o.renderError }] : [])),
  );
  return (error, req) => {
    const origin = renderers.length === 0 ? undefined : renderers.find((r) => r.prefix.test(req.originalUrl));
    if (!origin) return error.wire;
    try {
      return origin.render(error, req, answerFormat(origin.codecs, req.get('content-type')));
    } catch (err) {
      // The error still reaches the client as its catalogue made it; the renderer's fault is the sandbox's.
      logger.error({ err, method: req.method, path: req.path }, 'sandbox bug: an origin failed to render an error');
      return error.wire;
    }
  };
}

interface MountedOrigin {
  router: express.Router;
  /** Parses the spec and builds the Prism-answered routes now rather than on the first request that needs them. */
  warm(): void;
}

function mountOrigin(provider: Provider, mount: OriginMount, config: Readonly<SandboxConfig>, logger: Logger, prism: PrismResponder, table: RouteTable, remember: (route: KnownRoute) => void): MountedOrigin {
  const router = express.Router({ mergeParams: true });
  const codecs = mount.codecs ?? DEFAULT_CODECS;
  // The origin's codecs in one layer, then the depth check; GET and HEAD carry no body and skip it. First in every write's chain, and in
  // front of what the origin's router answers (Prism's writes); a body is read once, whichever reads it first.
  const reader = bodyReader(codecs, config.bodyLimit);
  router.use(reader);
  const routes: KnownRoute[] = [];
  const spec = provider.spec;
  const errors = mount.errors ?? provider.errors;
  const validation = (operationId: string | undefined): RequestHandler[] =>
    operationId && spec ? [validateRequest(spec.document, operationId, errors, logger, config.validateResponses, codecs)] : [];
  const known = (route: KnownRoute): void => {
    routes.push(route);
    remember(route);
  };

  const unmatched = (req: Request): unknown => {
    const near = nearestRoute(req.method, req.path, routes);
    return errors.routeNotFound(req.method, req.path, near ? `${near.method} ${near.path}` : undefined);
  };
  const translate = translateReadErrors(errors, config.bodyLimit);
  const add = table.mount(mountPath(mount.origin), { malformed: (detail) => errors.badRequest(detail), failed: translate });
  const prepared: Array<() => void> = [];
  for (const route of mount.routes) {
    const body = route.method === 'get' ? [] : [reader];
    if (route.kind === 'rpc') {
      const rpc = rpcHandlers(route, { codecs, errors });
      add(route.method, route.path, [...body, ...rpc.chain]);
      prepared.push(rpc.prepare);
    } else {
      add(route.method, route.path, [...body, ...(route.guard ?? []), ...validation(route.validate === false ? undefined : route.operationId), route.handle]);
    }
    known({ method: route.method.toUpperCase(), path: route.path });
  }

  // Operations of the document that no handler answers are served by Prism, behind the origin's guard; built on first need.
  const prismRoutes = once(() => {
    const fallback = express.Router({ mergeParams: true });
    if (!spec) return fallback;
    const handled = new Set(mount.routes.map((r) => r.operationId).filter(Boolean));
    for (const op of spec.document().operations.filter((o) => o.origin === mount.origin && !handled.has(o.operationId))) {
      const path = expressPath(op.path);
      fallback[op.method as 'get'](path, ...(mount.prismGuard ?? []), ...validation(op.operationId), async (req, res) => {
        const wire = await prism.respond(spec.file, {
          method: req.method,
          path: req.path,
          query: req.query as Record<string, string | string[]>,
          headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
          body: req.body,
        });
        if (!wire) throw errors.routeNotFound(req.method, req.path, undefined);
        const format = answerFormat(codecs, req.get('content-type'));
        // The document's examples are JSON: their Content-Type is dropped when the answer goes in another format (XML).
        const inJson = !format || codecReading([jsonCodec], format.type) !== undefined;
        // Headers the guard already set (rate-limit counts) are real; Prism's are only the document's examples.
        for (const [name, value] of Object.entries(wire.headers ?? {})) if (res.get(name) === undefined && (inJson || name.toLowerCase() !== 'content-type')) res.set(name, value);
        writeAnswer(res, wire.status, wire.body, format);
      });
      known({ method: op.method.toUpperCase(), path });
    }
    return fallback;
  });
  if (spec) router.use((req, res, next) => prismRoutes()(req, res, next));

  router.use((req, _res, next) => next(unmatched(req)));
  router.use(translate);
  return {
    router,
    warm: () => {
      spec?.document();
      prismRoutes();
      for (const prepare of prepared) prepare();
    },
  };
}

/** One line a request once it is answered; `originalUrl` is set by then, whichever way the request went. */
function requestLog(logger: Logger): (req: Request, res: Response) => void {
  return (req, res) => {
    res.on('finish', () => logger.info({ method: req.method, url: req.originalUrl.split('?')[0], status: res.statusCode }, 'request'));
  };
}
