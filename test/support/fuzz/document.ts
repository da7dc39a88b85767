// Reads an OpenAPI 3.1 document as the fuzz needs it: local $refs followed, an operation's parameters, JSON body schema and security.
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isJsonMedia = (type: string): boolean => /^application\/([\w.+-]+\+)?json$/i.test(type.split(';')[0]!.trim());

export interface ParamSpec {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
  /** The parameter's example, or its schema's first example, default or enum value. */
  example: unknown;
}

export interface OperationSpec {
  method: string;
  /** The document's path template, `/v1/listings/{id}`. */
  path: string;
  object: Json;
  parameters: ParamSpec[];
  /** The JSON request body's schema (`{}` when the operation takes another media type only). */
  body: { schema: Json; required: boolean; mediaTypes: string[] } | undefined;
  /** Whether the operation names a security requirement other than "none". */
  needsAuth: boolean;
}

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export class DocumentReader {
  constructor(readonly raw: Json) {}

  /** Follows local `$ref`s until it reaches something that is not one. */
  deref(value: unknown): Json {
    let current = value;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops += 1) {
      const ref = current.$ref as string;
      current = ref
        .replace(/^#\//, '')
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, token) => (isObject(node) || Array.isArray(node) ? (node as Json)[token] : undefined), this.raw);
    }
    return isObject(current) ? current : {};
  }

  /** A schema with `allOf` members folded in, one level deep: enough to read properties and required names. */
  flatSchema(schema: unknown): Json {
    const s = this.deref(schema);
    if (!Array.isArray(s.allOf)) return s;
    const parts = s.allOf.map((p) => this.flatSchema(p));
    return {
      ...s,
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), s.properties ?? {}),
      required: [...new Set([...parts.flatMap((p) => (Array.isArray(p.required) ? p.required : [])), ...(Array.isArray(s.required) ? s.required : [])])],
    };
  }

  operation(path: string, method: string): OperationSpec | undefined {
    const paths = isObject(this.raw.paths) ? this.raw.paths : {};
    const item = this.deref(paths[path]);
    const object = item[method];
    if (!isObject(object)) return undefined;
    const merged = new Map<string, Json>();
    for (const raw of [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(object.parameters) ? object.parameters : [])]) {
      const p = this.deref(raw);
      merged.set(`${String(p.in)} ${String(p.name)}`, p);
    }
    const parameters = [...merged.values()].map((p): ParamSpec => {
      const schema = this.deref(p.schema);
      const examples = Array.isArray(schema.examples) ? schema.examples : [];
      const firstOf = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);
      return {
        name: String(p.name),
        in: p.in as ParamSpec['in'],
        required: p.required === true || p.in === 'path',
        schema,
        example: p.example ?? examples[0] ?? schema.example ?? schema.default ?? firstOf(schema.enum),
      };
    });
    const requestBody = object.requestBody === undefined ? undefined : this.deref(object.requestBody);
    const content = isObject(requestBody?.content) ? requestBody.content : {};
    const mediaTypes = Object.keys(content);
    const jsonType = mediaTypes.find(isJsonMedia);
    const body = requestBody
      ? { schema: jsonType ? this.deref(this.deref(content[jsonType]).schema) : {}, required: requestBody.required === true, mediaTypes }
      : undefined;
    const security = (object.security ?? this.raw.security) as unknown;
    const needsAuth = Array.isArray(security) && security.length > 0 && !security.some((req) => isObject(req) && Object.keys(req).length === 0);
    return { method, path, object, parameters, body, needsAuth };
  }

  /** Every operation as `[path, method]`, in document order. */
  operations(): Array<[string, string]> {
    const paths = isObject(this.raw.paths) ? this.raw.paths : {};
    return Object.entries(paths).flatMap(([path, item]) => METHODS.filter((m) => isObject(this.deref(item)[m])).map((m): [string, string] => [path, m]));
  }
}
