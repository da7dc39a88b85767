// JSON Schema (2020-12) checks outside an OpenAPI document, such as an RPC method's params: the Ajv of openapi.ts, its issues worded alike.
import type { Ajv2020, SchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import { issuesOf, loadAjv, type ValidationIssue } from './openapi.js';

export type JsonSchema = SchemaObject | boolean;

let ajv: Ajv2020 | undefined;

/** A validator that is a type guard for `T`; Ajv is loaded on the first compile, never on the start path. */
export function compileSchema<T>(schema: JsonSchema): ValidateFunction<T> {
  if (!ajv) {
    const { Ajv, addFormats } = loadAjv();
    // As a request body is checked there: every issue at once, defaults filled in, no coercion (the codec decides the types).
    ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false, useDefaults: true });
    addFormats(ajv);
  }
  return ajv.compile<T>(schema);
}

/** The issues of the last failed check, each named by a JSON pointer into the body below `at` (`/method/params`). */
export function schemaIssues(validate: ValidateFunction, at: string): ValidationIssue[] {
  return issuesOf(validate.errors, 'body').map((issue) => ({ ...issue, name: `${at}${issue.name}` }));
}
