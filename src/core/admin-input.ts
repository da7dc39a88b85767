// Admin API request bodies parsed by a JSON Schema, the same one the admin OpenAPI document shows: a body that breaks it is a problem+json
// 400 naming every issue, and what passes is typed by the schema's validator, never cast.
import { SandboxProblem } from './errors.js';
import { compileSchema, schemaIssues, type JsonSchema } from './json-schema.js';

export interface AdminInput<T> {
  schema: JsonSchema;
  /** The body as `T`, or a 400 problem (`shape` shows what to send). */
  parse(body: unknown): T;
}

export function adminInput<T>(schema: JsonSchema, shape: string): AdminInput<T> {
  let validate: ReturnType<typeof compileSchema<T>> | undefined;
  return {
    schema,
    parse(body) {
      validate ??= compileSchema<T>(schema);
      // A copy: defaults are filled into what is checked, and the body as sent stays as sent (the journal shows it).
      const value: unknown = structuredClone(body ?? null);
      if (validate(value)) return value;
      const issues = schemaIssues(validate, '').map((i) => `${i.name || 'body'} ${i.message}`);
      throw new SandboxProblem(400, 'Bad request', `Send ${shape}: ${issues.join('; ')}.`);
    },
  };
}
