// Judges one answer against a case's expectation (types.ts: status, headers, exact body, OpenAPI schema, check) and says what differs, secrets redacted.
import { isDeepStrictEqual } from 'node:util';
import { redact } from '../core/redact.js';
import type { CaseContext, ContractResponse, Expectation } from './types.js';

/** Checks a body against the provider's OpenAPI document: one readable line an issue. */
export type SchemaCheck = (operationId: string, status: number, body: unknown) => string[];

const SNIPPET_LENGTH = 300;
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/g;

/** A short, secret-free rendering of a body for a failure message. */
export function snippet(body: unknown): string {
  const text = typeof body === 'string' ? body.replace(JWT, '[REDACTED]') : JSON.stringify(redact(body));
  if (text === '' || text === undefined) return '(empty body)';
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}

function headerFailure(response: ContractResponse, name: string, wanted: string | RegExp): string | undefined {
  const actual = response.headers.get(name);
  const ok = actual !== null && (typeof wanted === 'string' ? actual === wanted : wanted.test(actual));
  return ok ? undefined : `expected header ${name}: ${String(wanted)}, got ${actual === null ? '(absent)' : actual}`;
}

/** The first way the answer differs from the expectation, or undefined when it matches. */
export function judge(expectation: Expectation, response: ContractResponse, ctx: CaseContext, schema: SchemaCheck | undefined): string | undefined {
  if (response.status !== expectation.status) return `expected status ${expectation.status}, got ${response.status}: ${snippet(response.body)}`;
  for (const [name, wanted] of Object.entries(expectation.headers ?? {})) {
    const failure = headerFailure(response, name, wanted);
    if (failure) return failure;
  }
  if (expectation.body !== undefined && !isDeepStrictEqual(response.body, expectation.body)) {
    return `expected body ${snippet(expectation.body)}, got ${snippet(response.body)}`;
  }
  if (expectation.bodySchema !== undefined) {
    if (!schema) return `no OpenAPI document to check ${expectation.bodySchema} against`;
    const issues = schema(expectation.bodySchema, response.status, response.body);
    if (issues.length > 0) return `body does not match ${expectation.bodySchema} (${response.status}) of the OpenAPI document: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`;
  }
  return expectation.check?.(response.body, response, ctx);
}
