// One OpenAPI 3.1 document, loaded once: its operations, request matching, and request/response validation with Ajv (JSON Schema 2020-12), compiled lazily per operation.
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import { parseSpec } from './spec-cache.js';

// Ajv and its formats cost ~80 ms to import: required on the first validation, not at start.
const require = createRequire(import.meta.url);
let ajvModules: { Ajv: typeof Ajv2020; addFormats: FormatsPlugin } | undefined;
export function loadAjv(): { Ajv: typeof Ajv2020; addFormats: FormatsPlugin } {
  ajvModules ??= {
    Ajv: (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020,
    addFormats: require('ajv-formats') as FormatsPlugin,
  };
  return ajvModules;
}

export interface SpecOperation {
  operationId: string;
  /** Lower-case HTTP method. */
  method: string;
  /** The OpenAPI path template, e.g. `/v1/listings/{id}`. */
  path: string;
  /** From operation-, path- or document-level `servers`, e.g. `https://open-api.guesty.com`. */
  origin: string;
}

export interface ValidationIssue {
  in: 'query' | 'path' | 'header' | 'body' | 'response';
  /** The parameter's name, or a JSON pointer into the body (`''` for the body itself). */
  name: string;
  /** Human readable, without the name: `must be <= 100`. */
  message: string;
}

export type RequestCheck = { ok: true; query: Record<string, unknown>; body: unknown } | { ok: false; issues: ValidationIssue[] };

export interface RequestInput {
  query: Record<string, unknown>;
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  contentType?: string;
}

type Json = Record<string, unknown>;
type Segment = { literal: string } | { pattern: RegExp; names: string[] };
type ParamIn = 'query' | 'path' | 'header';

interface Entry {
  operation: SpecOperation;
  object: Json;
  pathItem: Json;
  segments: Segment[];
}

interface RequestValidators {
  params: Partial<Record<ParamIn, { validate: ValidateFunction; names: string[] }>>;
  body?: { validate: ValidateFunction; required: boolean; otherTypes: string[] };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Where the document sits inside Ajv, so `#/components/...` references resolve against it. */
const DOCUMENT_ID = 'https://pms-sandbox.invalid/openapi.json';
/** OpenAPI says these header parameters are ignored: they are described elsewhere. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isJsonType = (type: string): boolean => /^application\/([\w.+-]+\+)?json$/i.test(type.split(';')[0]!.trim());
const normalOrigin = (origin: string): string => origin.replace(/\/+$/, '').toLowerCase();
const unescapePointer = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

function compileSegment(segment: string): Segment {
  if (!segment.includes('{')) return { literal: segment };
  const names: string[] = [];
  const source = segment.split(/(\{[^}]+\})/).map((part) => {
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source.join('')}$`), names };
}

function splitPath(path: string): string[] {
  const bare = path.split('?')[0]!;
  return (bare.length > 1 ? bare.replace(/\/+$/, '') : bare).split('/').slice(1);
}

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** A copy of a schema whose local references point into the document registered with Ajv. */
function anchorRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anchorRefs);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOCUMENT_ID}${v}` : anchorRefs(v)]));
}

function describe(error: ErrorObject): { pointer: string; message: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return { pointer: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not allowed' };
    case 'enum':
      return { pointer: error.instancePath, message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}` };
    case 'const':
      return { pointer: error.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { pointer: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
  }
}

export function issuesOf(errors: readonly ErrorObject[] | null | undefined, where: ValidationIssue['in']): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of errors ?? []) {
    const { pointer, message } = describe(error);
    const name = where === 'body' || where === 'response' ? pointer : unescapePointer(pointer.split('/')[1] ?? '');
    const key = `${name}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ in: where, name, message });
  }
  return issues;
}

export class OpenApiDocument {
  readonly operations: readonly SpecOperation[];
  private readonly entries = new Map<string, Entry>();
  private readonly byRoute = new Map<string, Entry[]>();
  private readonly ajvs = new Map<string, Ajv2020>();
  private readonly requestValidators = new Map<string, RequestValidators>();
  private readonly responseValidators = new Map<string, ValidateFunction | null>();

  static load(file: string): OpenApiDocument {
    const document = parseSpec(file);
    if (!isObject(document)) throw new Error(`${file} is not an OpenAPI document`);
    return new OpenApiDocument(document);
  }

  constructor(readonly document: Record<string, unknown>) {
    const rootOrigin = this.serverOf(document.servers) ?? '';
    for (const [path, rawItem] of Object.entries(isObject(document.paths) ? document.paths : {})) {
      const pathItem = this.deref(rawItem);
      const pathOrigin = this.serverOf(pathItem.servers) ?? rootOrigin;
      for (const method of METHODS) {
        const object = pathItem[method];
        if (!isObject(object)) continue;
        const operationId = object.operationId;
        if (typeof operationId !== 'string') throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
        if (this.entries.has(operationId)) throw new Error(`operationId ${operationId} is used twice`);
        const operation: SpecOperation = { operationId, method, path, origin: this.serverOf(object.servers) ?? pathOrigin };
        const entry: Entry = { operation, object, pathItem, segments: splitPath(path).map(compileSegment) };
        this.entries.set(operationId, entry);
        const route = `${normalOrigin(operation.origin)} ${method}`;
        this.byRoute.set(route, [...(this.byRoute.get(route) ?? []), entry]);
      }
    }
    this.operations = Object.freeze([...this.entries.values()].map((e) => Object.freeze(e.operation)));
  }

  operation(operationId: string): SpecOperation {
    return this.entry(operationId).operation;
  }

  /** The operation a request is for; where templates compete, literal segments win over templated ones, leftmost first. */
  match(origin: string, method: string, path: string): { operation: SpecOperation; params: Record<string, string> } | undefined {
    const segments = splitPath(path);
    let best: { operation: SpecOperation; params: Record<string, string>; rank: string } | undefined;
    for (const entry of this.byRoute.get(`${normalOrigin(origin)} ${method.toLowerCase()}`) ?? []) {
      if (entry.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      // One digit a segment (0 literal, 1 partly templated, 2 templated); equal lengths, so the smallest string is the most literal match.
      let rank = '';
      const matched = entry.segments.every((segment, i) => {
        const actual = segments[i]!;
        if ('literal' in segment) {
          rank += '0';
          return segment.literal === actual;
        }
        const found = segment.pattern.exec(actual);
        if (!found) return false;
        segment.names.forEach((name, n) => (params[name] = decode(found[n + 1]!)));
        rank += segment.pattern.source === '^([^/]+)$' ? '2' : '1';
        return true;
      });
      if (matched && (!best || rank < best.rank)) best = { operation: entry.operation, params, rank };
    }
    return best && { operation: best.operation, params: best.params };
  }

  /** The header parameters an operation declares, whose values a request check depends on besides its URL and body. */
  headerParameterNames(operationId: string): readonly string[] {
    return this.requestValidatorsOf(operationId).params.header?.names ?? [];
  }

  /** Checks parameters and a JSON body; query values come back coerced to their schema types, with defaults applied. Unknown query parameters pass. */
  validateRequest(operationId: string, input: RequestInput): RequestCheck {
    const validators = this.requestValidatorsOf(operationId);
    const issues: ValidationIssue[] = [];
    const query = Object.fromEntries(Object.entries(input.query).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
    const path: Record<string, unknown> = { ...input.params };
    const headers: Record<string, unknown> = {};
    for (const name of validators.params.header?.names ?? []) {
      const value = input.headers[name.toLowerCase()];
      if (value !== undefined) headers[name] = value;
    }
    const values: Record<ParamIn, Record<string, unknown>> = { query, path, header: headers };
    for (const where of ['path', 'query', 'header'] as const) {
      const validator = validators.params[where];
      if (validator && !validator.validate(values[where])) issues.push(...issuesOf(validator.validate.errors, where));
    }
    let body = input.body;
    const spec = validators.body;
    const mediaType = input.contentType?.split(';')[0]!.trim().toLowerCase();
    const otherMedia = mediaType !== undefined && !isJsonType(mediaType) && spec?.otherTypes.includes(mediaType);
    if (spec && !otherMedia) {
      if (body === undefined || body === '') {
        if (spec.required) issues.push({ in: 'body', name: '', message: 'is required' });
      } else {
        body = structuredClone(body);
        if (!spec.validate(body)) issues.push(...issuesOf(spec.validate.errors, 'body'));
      }
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, query, body };
  }

  /** Checks a response body against the schema for its status (or `2XX`, or `default`); `[]` when the document gives none. */
  /**
   * Issues of an answer against its operation's response schema: the JSON one, or with `mediaType` another (`application/xml`), whose
   * body is read text typed by the schema (an XML answer parsed back, every value a string).
   */
  validateResponse(operationId: string, status: number, body: unknown, mediaType?: string): ValidationIssue[] {
    const key = `${operationId} ${status} ${mediaType ?? ''}`;
    let validate = this.responseValidators.get(key);
    if (validate === undefined) {
      const responses = this.deref(this.entry(operationId).object.responses);
      const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses[`${String(status)[0]}xx`] ?? responses.default;
      const content = response === undefined ? undefined : this.deref(response).content;
      const schema = mediaType === undefined ? this.jsonSchemaOf(content) : isObject(content) && isObject(content[mediaType]) ? this.deref(content[mediaType]).schema : undefined;
      validate = schema === undefined ? null : this.ajv(mediaType === undefined ? 'response' : 'text-response').compile(anchorRefs(schema) as Json);
      this.responseValidators.set(key, validate);
    }
    if (validate === null || validate(body)) return [];
    return issuesOf(validate.errors, 'response');
  }

  /** A schema of `components.schemas` as written (an RPC method's params, compiled on its own: it must hold no `$ref`). */
  componentSchema(name: string): Record<string, unknown> {
    const schemas = isObject(this.document.components) && isObject(this.document.components.schemas) ? this.document.components.schemas : {};
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (!isObject(schema)) throw new Error(`The OpenAPI document has no schema ${name}`);
    return schema;
  }

  private entry(operationId: string): Entry {
    const entry = this.entries.get(operationId);
    if (!entry) throw new Error(`The OpenAPI document has no operation ${operationId}`);
    return entry;
  }

  private serverOf(servers: unknown): string | undefined {
    const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
    return isObject(first) && typeof first.url === 'string' ? first.url.replace(/\/+$/, '') : undefined;
  }

  /** Follows local `$ref`s (`#/components/...`) until it reaches an object. */
  private deref(value: unknown): Json {
    let current = value;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops += 1) {
      const ref = current.$ref as string;
      if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, not ${ref}`);
      current = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, token) => (isObject(node) || Array.isArray(node) ? (node as Json)[unescapePointer(token)] : undefined), this.document);
      if (current === undefined) throw new Error(`Unresolvable reference ${ref}`);
    }
    return isObject(current) ? current : {};
  }

  private jsonSchemaOf(content: unknown): unknown {
    if (!isObject(content)) return undefined;
    const type = Object.keys(content).find(isJsonType) ?? Object.keys(content).find((t) => t === '*/*');
    return type === undefined ? undefined : this.deref(content[type]).schema;
  }

  private ajv(kind: 'params' | 'body' | 'response' | 'text-response'): Ajv2020 {
    let ajv = this.ajvs.get(kind);
    if (!ajv) {
      const { Ajv, addFormats } = loadAjv();
      const coerce = kind === 'params' || kind === 'text-response';
      ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce ? 'array' : false, useDefaults: kind === 'params' || kind === 'body', validateSchema: false });
      addFormats(ajv);
      ajv.addSchema(this.document, DOCUMENT_ID);
      this.ajvs.set(kind, ajv);
    }
    return ajv;
  }

  private requestValidatorsOf(operationId: string): RequestValidators {
    let validators = this.requestValidators.get(operationId);
    if (validators) return validators;
    const { object, pathItem } = this.entry(operationId);
    const merged = new Map<string, Json>();
    for (const raw of [...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []), ...(Array.isArray(object.parameters) ? object.parameters : [])]) {
      const param = this.deref(raw);
      merged.set(`${String(param.in)} ${String(param.name)}`, param);
    }
    validators = { params: {} };
    for (const where of ['query', 'path', 'header'] as const) {
      const params = [...merged.values()].filter((p) => p.in === where && typeof p.name === 'string' && !(where === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())));
      if (params.length === 0) continue;
      const properties = Object.fromEntries(params.map((p) => [p.name, anchorRefs(p.schema === undefined ? {} : this.deref(p.schema))]));
      const required = params.filter((p) => p.required === true || where === 'path').map((p) => p.name as string);
      validators.params[where] = { validate: this.ajv('params').compile({ type: 'object', properties, required }), names: params.map((p) => p.name as string) };
    }
    const requestBody = object.requestBody === undefined ? undefined : this.deref(object.requestBody);
    const content = isObject(requestBody?.content) ? requestBody.content : {};
    const schema = this.jsonSchemaOf(content);
    if (requestBody && Object.keys(content).some(isJsonType)) {
      validators.body = {
        validate: this.ajv('body').compile((schema === undefined ? {} : anchorRefs(schema)) as Json),
        required: requestBody.required === true,
        otherTypes: Object.keys(content).filter((t) => !isJsonType(t)).map((t) => t.toLowerCase()),
      };
    }
    this.requestValidators.set(operationId, validators);
    return validators;
  }
}
