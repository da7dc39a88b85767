// The Prism adapter: operations without a stateful handler are answered in process by @stoplight/prism-http from the document's examples and schemas.
// Prism is imported on the first request it answers, never on the start path or the stateful hot path.
import type { Logger } from './log.js';
import type { WireResponse } from './errors.js';

type PrismHttp = typeof import('@stoplight/prism-http');
type HttpOperations = Awaited<ReturnType<PrismHttp['getHttpOperationsFromSpec']>>;
type PrismInstance = ReturnType<PrismHttp['createInstance']>;

export interface PrismRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

interface Loaded {
  prism: PrismInstance;
  operations: HttpOperations;
}

/**
 * The providers' APIs answer JSON whatever `Accept` says (their stateful routes here do too), so Prism is not asked to negotiate: an
 * `Accept: application/xml` would turn a documented operation into a 404, and one that does not parse (`text/html;;;`) would throw.
 */
function withoutAccept(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'accept'));
}

/** A new configuration object each call: Prism keeps per-request negotiation in it. */
function prismConfig() {
  return { mock: { dynamic: false }, checkSecurity: false, validateRequest: false, validateResponse: false, errors: false, upstreamProxy: undefined, isProxy: false } as const;
}

export class PrismResponder {
  private engine: Promise<{ http: PrismHttp; createLogger: (name: string) => unknown }> | undefined;
  private readonly specs = new Map<string, Promise<Loaded>>();

  constructor(private readonly logger: Logger) {}

  private engineOnce(): Promise<{ http: PrismHttp; createLogger: (name: string) => unknown }> {
    this.engine ??= Promise.all([import('@stoplight/prism-http'), import('@stoplight/prism-core')]).then(([http, core]) => ({
      http,
      createLogger: core.createLogger as (name: string) => unknown,
    }));
    return this.engine;
  }

  private load(specFile: string): Promise<Loaded> {
    let loaded = this.specs.get(specFile);
    if (!loaded) {
      loaded = this.engineOnce().then(async ({ http, createLogger }) => {
        const prismLogger = createLogger('pms-sandbox-prism') as { level: string };
        prismLogger.level = 'silent';
        const prism = http.createInstance(prismConfig(), { logger: prismLogger as never });
        return { prism, operations: await http.getHttpOperationsFromSpec(specFile) };
      });
      this.specs.set(specFile, loaded);
    }
    return loaded;
  }

  /** Answers one request from the spec's examples; `undefined` when Prism has no answer for it. The first call imports Prism. */
  async respond(specFile: string, request: PrismRequest): Promise<WireResponse | undefined> {
    const { prism, operations } = await this.load(specFile);
    const result = await prism.request(
      { method: request.method.toLowerCase() as never, url: { path: request.path, query: request.query }, headers: withoutAccept(request.headers), body: request.body },
      operations,
      // Prism's mocker writes the request's Accept into `config.mock`; a shared one would make the first client's Accept every client's.
      prismConfig() as never,
    )();
    if (result._tag === 'Left') {
      this.logger.debug({ err: result.left, path: request.path }, 'Prism had no answer');
      return undefined;
    }
    const { statusCode, headers, body } = result.right.output;
    return { status: statusCode, body, headers: Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-length')) };
  }
}
