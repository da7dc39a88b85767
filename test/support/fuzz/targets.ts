// What the fuzz aims at: every operation of every served document, every route of every origin, and the admin API's operations.
// Found from the running sandbox's providers, so a provider added later is fuzzed with no change here; the admin API from its own document.
import { originHost } from '../../../src/core/origins.js';
import type { Provider } from '../../../src/core/provider.js';
import { DocumentReader, type OperationSpec } from './document.js';

export interface Target {
  /** `guesty https://open-api.guesty.com GET /v1/listings/{id}`, the test's name. */
  name: string;
  kind: 'origin' | 'admin';
  provider: Provider | undefined;
  /** The real origin, or `admin`. */
  origin: string;
  /** Where the origin is served below the sandbox URL (`/open-api.guesty.com`; `''` for the admin API, whose paths carry `/__sandbox`). */
  base: string;
  method: string;
  /** `{name}` a path parameter, `{*name}` a wildcard of several segments. */
  path: string;
  operation: OperationSpec | undefined;
  reader: DocumentReader | undefined;
  needsAuth: boolean;
  /** No handler of the provider answers it: Prism does, from the document. */
  prism: boolean;
  /** Paths of the same origin, for wildcard routes to aim at. */
  siblings: string[];
}

const normal = (origin: string): string => origin.replace(/\/+$/, '').toLowerCase();
/** Express `:id` and `*path` as the fuzz writes them. */
const templateOf = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}').replace(/\*(\w+)/g, '{*$1}');
const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}').toLowerCase()}`;

/** A templated origin label (`{subdomain}.entrata.com`) is filled with a fixed word. */
const baseOf = (origin: string): string => `/${originHost(origin).replace(/\{\w+\}/g, 'fuzz')}`;

export function originTargets(providers: readonly Provider[]): Target[] {
  const targets: Target[] = [];
  for (const provider of providers) {
    const document = provider.spec?.document();
    const reader = document ? new DocumentReader(document.document) : undefined;
    const docOps = document?.operations ?? [];
    for (const mount of provider.origins) {
      const seen = new Set<string>();
      const own: Target[] = [];
      const add = (method: string, path: string, operation: OperationSpec | undefined, needsAuth: boolean, prism: boolean): void => {
        if (seen.has(routeKey(method, path))) return;
        seen.add(routeKey(method, path));
        own.push({ name: `${provider.id} ${mount.origin} ${method.toUpperCase()} ${path}`, kind: 'origin', provider, origin: mount.origin, base: baseOf(mount.origin), method: method.toUpperCase(), path, operation, reader, needsAuth, prism, siblings: [] });
      };
      for (const op of docOps.filter((o) => normal(o.origin) === normal(mount.origin))) {
        const route = mount.routes.find((r) => r.operationId === op.operationId);
        const spec = reader!.operation(op.path, op.method);
        add(op.method, op.path, spec, spec?.needsAuth ?? Boolean(route?.guard?.length ?? mount.prismGuard?.length), !route);
      }
      for (const route of mount.routes) {
        const documented = route.operationId ? docOps.find((o) => o.operationId === route.operationId) : undefined;
        const spec = documented ? reader!.operation(documented.path, documented.method) : undefined;
        add(route.method, templateOf(route.path), spec, spec?.needsAuth ?? Boolean(route.guard?.length), false);
      }
      const siblings = own.filter((t) => !t.path.includes('{*')).map((t) => t.path);
      for (const t of own) t.siblings = siblings;
      targets.push(...own);
    }
  }
  return targets;
}

/** The admin API as its own document (`GET /__sandbox/openapi.json`) describes it. */
export function adminTargets(document: Record<string, unknown>): Target[] {
  const reader = new DocumentReader(document);
  const targets = reader.operations().map(([path, method]): Target => ({
    name: `admin ${method.toUpperCase()} ${path}`,
    kind: 'admin',
    provider: undefined,
    origin: 'admin',
    base: '',
    method: method.toUpperCase(),
    path,
    operation: reader.operation(path, method),
    reader,
    needsAuth: false,
    prism: false,
    siblings: [],
  }));
  const siblings = targets.map((t) => t.path);
  for (const t of targets) t.siblings = siblings;
  return targets;
}
