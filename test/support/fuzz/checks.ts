// What every fuzz answer must satisfy: no 5xx, no leaked stack trace, and a 4xx in the error style of whoever answers it.
// No stack trace or source path in the body, no sandbox-bug header; a 4xx of a provider origin in that origin's own error style (never the
// sandbox's problem+json), and a 4xx of the admin API as application/problem+json.
import { describeObserved, describeShape, matches, observe, type Shape } from './error-shapes.js';
import type { RawAnswer } from './raw-http.js';
import type { Target } from './targets.js';

const LEAKS: Array<[RegExp, string]> = [
  [/\n\s+at \S/, 'a stack frame ("\\n    at ")'],
  [/\bat [^\s()]+ \([^)]*:\d+:\d+\)/, 'a stack frame ("at fn (file:line:col)")'],
  [/(?:^|[\s"'>:])(?:[A-Z][a-z]+)*Error: /, 'an "Error:" line'],
  [/\.(?:ts|js|mjs|cjs):\d+/, 'a source file position (".ts:12")'],
  [/node_modules/, 'a node_modules path'],
  [/\.ts:/, 'a ".ts:" path'],
];

const excerpt = (text: string, max = 240): string => (text.length > max ? `${JSON.stringify(text.slice(0, max))}…(${text.length} chars)` : JSON.stringify(text));

export function describeAnswer(answer: RawAnswer): string {
  const type = answer.headers['content-type'];
  return `${answer.status}${type ? ` ${String(type)}` : ''} ${excerpt(answer.text)}`;
}

/**
 * The origin's shapes, or `problem+json` for the admin API. An empty 4xx body passes only where the origin's errors.ts or document gives
 * one (rezStream's userinfo 401/403 carry only a WWW-Authenticate challenge). A HEAD answer is not read for its body: Node sends none.
 * As observed, no origin answers 405: a method no route serves gets the origin's own 404, like any other unmatched request.
 */
export type ErrorStyle = readonly Shape[] | 'problem+json';

export function inspect(target: Target, method: string, answer: RawAnswer, style: ErrorStyle): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answers ${answer.status}`);
  const cwd = process.cwd();
  for (const [pattern, what] of [...LEAKS, [new RegExp(cwd.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the project directory'] as [RegExp, string]]) {
    if (pattern.test(answer.text)) problems.push(`leaks ${what} in its body`);
  }
  if (answer.headers['x-pms-sandbox-error'] !== undefined) problems.push(`sends X-Pms-Sandbox-Error: ${String(answer.headers['x-pms-sandbox-error'])}`);
  if (answer.status < 400 || answer.status >= 500 || method === 'HEAD') return problems;
  if (style === 'problem+json') {
    if (!/^application\/problem\+json\b/i.test(String(answer.headers['content-type'] ?? ''))) problems.push(`answers a 4xx of the admin API as ${String(answer.headers['content-type'] ?? 'no content type')}, not application/problem+json`);
    return problems;
  }
  const seen = observe(answer.text, answer.headers['content-type'] as string | undefined);
  if (/^\s*\{/.test(answer.text) && /"type"\s*:\s*"urn:pms-sandbox:problem:/.test(answer.text)) problems.push(`answers the sandbox's own problem+json inside ${target.origin}, not the origin's error style`);
  else if (!style.some((shape) => matches(seen, shape))) problems.push(`answers ${describeObserved(seen)}, none of ${target.origin}'s error shapes (${style.map(describeShape).join(', ')})`);
  return problems;
}
