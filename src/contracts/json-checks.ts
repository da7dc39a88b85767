// What every suite's checks read answers with: JSON objects taken apart safely, and the first failure among several checks.

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

/** The first failure among several checks. */
export function firstFailure(...failures: Array<string | undefined | false>): string | undefined {
  return failures.find((f): f is string => typeof f === 'string');
}
