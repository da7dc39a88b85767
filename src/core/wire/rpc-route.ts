// The RPC route kind: one path a service, the operation named inside the body, each operation's params checked against its own schema.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Request, RequestHandler, Response } from 'express';
import { compileSchema, schemaIssues, type JsonSchema } from '../json-schema.js';
import type { ValidationIssue } from '../openapi.js';
import type { HttpMethod } from '../provider.js';

/** Where the operation's name and its params sit in the body, as keys from the top: `{"method": {"name": …, "params": {…}}}`. */
export interface RpcEnvelope {
  name: readonly string[];
  params: readonly string[];
}

/** What a method's handler is given: its name, its params checked and typed, and the whole body (for `auth`, `requestId`). */
export interface RpcCall<P> {
  method: string;
  params: P;
  body: unknown;
}

export type RpcOutcome = { ok: true; params: unknown; result: unknown } | { ok: false; issues: ValidationIssue[] };

/** One operation of a service, made by `rpcMethod`. */
export interface RpcMethod {
  /** Compiles the params schema now rather than on the first call. */
  prepare(): void;
  /** Checks the params (issues named below `at`) and, when they fit, answers them: at once, or later when the handler is asynchronous. */
  call(params: unknown, context: RpcCallContext, at: string): RpcOutcome | Promise<RpcOutcome>;
}

export interface RpcCallContext {
  method: string;
  body: unknown;
  req: Request;
  res: Response;
  /** The body came in a format of text only (XML), so its params take the types their schema gives them. */
  typedBySchema: boolean;
}

export interface RpcMethodSpec<P> {
  /**
   * JSON Schema 2020-12 the params must fit; `P` is what it admits. Absent: any params. A function is read when the method is first
   * prepared, so a schema can come from the provider's OpenAPI document without parsing it on the start path.
   */
  params?: JsonSchema | (() => JsonSchema);
  /** The result, which core puts in the route's envelope and writes in the request's format; errors are thrown. */
  handle(call: RpcCall<P>, req: Request, res: Response): unknown;
}

/** Whether Ajv could write into a value it checks with this schema: a `default` (filled in), or a reference this cannot follow. */
function mayWrite(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(mayWrite);
  return Object.entries(schema).some(([key, inner]) => key === 'default' || key === '$ref' || key === '$dynamicRef' || mayWrite(inner));
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof Reflect.get(value, 'then') === 'function';

/** An RPC method whose handler reads `call.params` as `P`: the schema's validator is the type guard, so nothing is cast. */
export function rpcMethod<P = unknown>(spec: RpcMethodSpec<P>): RpcMethod {
  const validators = new Map<boolean, { check: ValidateFunction<P>; copy: boolean }>();
  const schema = (): JsonSchema => (typeof spec.params === 'function' ? spec.params() : (spec.params ?? true));
  const validator = (typedBySchema: boolean): { check: ValidateFunction<P>; copy: boolean } => {
    let prepared = validators.get(typedBySchema);
    if (!prepared) {
      const params = schema();
      // Coercion (a format of text) and defaults write into what is checked; a schema that does neither checks the params as they are.
      prepared = { check: compileSchema<P>(params, { typedBySchema }), copy: typedBySchema || mayWrite(params) };
      validators.set(typedBySchema, prepared);
    }
    return prepared;
  };
  return {
    prepare: () => void validator(false),
    call(raw, { method, body, req, res, typedBySchema }, at) {
      const { check, copy } = validator(typedBySchema);
      // A copy when Ajv may write into it: the body as sent stays as sent (the journal shows it).
      const params: unknown = copy ? structuredClone(raw) : raw;
      if (!check(params)) return { ok: false, issues: schemaIssues(check, at) };
      const result: unknown = spec.handle({ method, params, body }, req, res);
      // A handler that answers at once is answered at once, without a turn through the microtask queue.
      if (!isThenable(result)) return { ok: true, params, result };
      return Promise.resolve(result).then((value: unknown): RpcOutcome => ({ ok: true, params, result: value }));
    },
  };
}

/** The value at `keys` below a body (`['requestId']`), through own properties only: a name inherited from Object.prototype finds nothing. */
export function valueAt(body: unknown, keys: readonly string[]): unknown {
  let current = body;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

export interface RpcRoute {
  kind: 'rpc';
  /** RPC reads its operation from the body, so never GET. */
  method: Exclude<HttpMethod, 'get'>;
  /** Express path below the origin, e.g. `/api/customers`. */
  path: string;
  /** What runs before the method is looked up: authentication, rate limits. */
  guard?: RequestHandler[];
  envelope: RpcEnvelope;
  /** The service's operations by name; only own names count (a body naming `toString` names none). */
  methods: Readonly<Record<string, RpcMethod>>;
  /** What goes on the wire around a result (the provider's response envelope, the echoed request id); default the result itself. */
  answer?(result: unknown, call: RpcCall<unknown>, req: Request): unknown;
  /**
   * The OpenAPI operation that describes the service (one a path), so the document's reader knows it is answered here, not by Prism. It
   * is not validated as a REST operation: each method checks its own params.
   */
  operationId?: string;
}
