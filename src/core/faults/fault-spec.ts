// A fault's definition as a client sends it (admin API or library), checked field by field: what it matches, what it does, how often.

/** What a fault matches (every field it gives) and what it does to a matching request. */
export interface FaultSpec {
  /** A provider id (`guesty`). */
  provider?: string;
  /** A real origin as the documents write it (`https://open-api.guesty.com`), or one instance of a templated one (`https://sunrise.entrata.com`). */
  origin?: string;
  /** An HTTP method, any case; stored upper case. */
  method?: string;
  /** An Express-style route pattern on the origin's path (`/v1/listings/:id`). */
  path?: string;
  /** A credential the request carries: a bearer token, a Basic username, a `client_id` query parameter. */
  client?: string;
  /** Answered with the provider's own error for this status (400-599). */
  status?: number;
  /** Seconds in Retry-After, for status 429 (default 1). */
  retryAfter?: number;
  /** Real milliseconds to wait before the fault acts, or before the request goes on when the fault does nothing else. */
  latencyMs?: number;
  /** The connection is closed without an answer. */
  drop?: boolean;
  /** How many times it fires; until removed when not given. */
  times?: number;
  /** The chance (0..1) that it fires on a matching request. */
  probability?: number;
  /** Seeds the draws of `probability`: the same seed, the same fire and skip sequence. */
  seed?: number;
}

/** A fault definition refused, naming the field at fault. */
export class FaultDefinitionError extends RangeError {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'FaultDefinitionError';
  }
}

export const FAULT_FIELDS = ['provider', 'origin', 'method', 'path', 'client', 'status', 'retryAfter', 'latencyMs', 'drop', 'times', 'probability', 'seed'] as const;

/** Latency is about the wire; a minute is longer than any client's timeout worth testing, and keeps a typo from parking requests for hours. */
export const MAX_LATENCY_MS = 60_000;

export const FAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const SHAPE = 'a JSON object {"provider"?, "origin"?, "method"?, "path"?, "client"?, "status"?, "retryAfter"?, "latencyMs"?, "drop"?, "times"?, "probability"?, "seed"?}';

function text(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new FaultDefinitionError(field, `${field} must be a non-empty string.`);
  return value;
}

function whole(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new FaultDefinitionError(field, `${field} must be a whole number from ${min} to ${max}.`);
  return value;
}

/** The definition with its types and ranges checked, the method upper case, absent fields left out. Scope names (provider, origin, path) are checked by the matcher. */
export function checkFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultDefinitionError('body', `Send ${SHAPE}.`);
  const fields = input as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !(FAULT_FIELDS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new FaultDefinitionError(unknown, `${unknown} is not a field of a fault; send ${SHAPE}.`);

  const method = text(fields.method, 'method')?.toUpperCase();
  if (method !== undefined && !(FAULT_METHODS as readonly string[]).includes(method)) throw new FaultDefinitionError('method', `method must be one of ${FAULT_METHODS.join(', ')}.`);
  const status = whole(fields.status, 'status', 400, 599);
  const retryAfter = whole(fields.retryAfter, 'retryAfter', 0, 86_400);
  if (retryAfter !== undefined && status !== 429) throw new FaultDefinitionError('retryAfter', 'retryAfter is for status 429.');
  const latencyMs = whole(fields.latencyMs, 'latencyMs', 0, MAX_LATENCY_MS);
  if (fields.drop !== undefined && typeof fields.drop !== 'boolean') throw new FaultDefinitionError('drop', 'drop must be true or false.');
  const drop = fields.drop === true ? true : undefined;
  if (drop && status !== undefined) throw new FaultDefinitionError('drop', 'A fault either answers a status or drops the connection, not both.');
  if (status === undefined && !drop && !latencyMs) throw new FaultDefinitionError('status', 'The fault does nothing: give status, latencyMs (over 0) or drop.');
  const times = whole(fields.times, 'times', 1, Number.MAX_SAFE_INTEGER);
  const probability = fields.probability;
  if (probability !== undefined && (typeof probability !== 'number' || !Number.isFinite(probability) || probability < 0 || probability > 1)) throw new FaultDefinitionError('probability', 'probability must be a number from 0 to 1.');
  const seed = whole(fields.seed, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (seed !== undefined && probability === undefined) throw new FaultDefinitionError('seed', 'seed seeds the draws of probability; give probability too.');

  const spec: FaultSpec = {
    provider: text(fields.provider, 'provider'),
    origin: text(fields.origin, 'origin'),
    method,
    path: text(fields.path, 'path'),
    client: text(fields.client, 'client'),
    status,
    retryAfter,
    latencyMs,
    drop,
    times,
    probability: probability as number | undefined,
    seed,
  };
  return Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as FaultSpec;
}
