// JSON Schema (2020-12) checks outside an OpenAPI document, such as an RPC method's params: the Ajv of openapi.ts, its issues worded alike.
import type { Ajv2020, SchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import { issuesOf, loadAjv, type ValidationIssue } from './openapi.js';

export type JsonSchema = SchemaObject | boolean;

const ajvs = new Map<boolean, Ajv2020>();

export interface CompileOptions {
  /**
   * For values read from a format that carries only text (XML): each takes the type the schema gives it (`"100001"` an integer, one
   * element an array of one), as Ajv's `coerceTypes: 'array'` does. Otherwise the codec decided the types and nothing is coerced.
   */
  typedBySchema?: boolean;
}

/** A validator that is a type guard for `T`; Ajv is loaded on the first compile, never on the start path. */
export function compileSchema<T>(schema: JsonSchema, options: CompileOptions = {}): ValidateFunction<T> {
  const coerce = options.typedBySchema === true;
  let ajv = ajvs.get(coerce);
  if (!ajv) {
    const { Ajv, addFormats } = loadAjv();
    // As a request body is checked there: every issue at once, defaults filled in.
    ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce ? 'array' : false, useDefaults: true });
    addFormats(ajv);
    ajvs.set(coerce, ajv);
  }
  return ajv.compile<T>(schema);
}

/** The issues of the last failed check, each named by a JSON pointer into the body below `at` (`/method/params`). */
export function schemaIssues(validate: ValidateFunction, at: string): ValidationIssue[] {
  return issuesOf(validate.errors, 'body').map((issue) => ({ ...issue, name: `${at}${issue.name}` }));
}
