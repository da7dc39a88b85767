// The baseline a second client checks: a few well-formed GETs an origin, their fresh answers, and what differs from them later.
// "A second client's answer is unchanged by the first's": Prism-answered operations among them, answered once by a sandbox of their own and
// compared, status and body, with what they answer after each batch of fuzz and a reset.
import type { OriginCredentials } from './authentication.js';
import { sendRaw, type RawRequest } from './raw-http.js';
import type { Target } from './targets.js';
import { urlText } from './values.js';

export interface BaselineAnswer {
  label: string;
  request: RawRequest;
  status: number;
  /** With the sandbox's own URL written `<sandbox>`, since each sandbox the fuzz starts listens on a port of its own. */
  text: string;
}

const portless = (text: string, url: string): string => text.split(url).join('<sandbox>');

/** Up to two Prism-answered and two handled operations an origin: GETs without path parameters whose required inputs have examples. */
export function baselineRequests(targets: readonly Target[], credentials: OriginCredentials): Array<{ label: string; request: RawRequest }> {
  const chosen: Array<{ label: string; request: RawRequest }> = [];
  const taken = new Map<string, number>();
  for (const target of targets) {
    const op = target.operation;
    if (target.kind !== 'origin' || target.method !== 'GET' || !op || target.path.includes('{')) continue;
    const required = op.parameters.filter((p) => p.required && p.in !== 'cookie');
    if (required.some((p) => p.example === undefined || p.in === 'path')) continue;
    if (target.needsAuth && !credentials[target.origin]) continue;
    const slot = `${target.origin} ${target.prism}`;
    if ((taken.get(slot) ?? 0) >= 2) continue;
    taken.set(slot, (taken.get(slot) ?? 0) + 1);
    const query = required.filter((p) => p.in === 'query').map((p) => `${encodeURIComponent(p.name)}=${urlText({ text: String(p.example) })}`);
    const headers: Array<[string, string]> = [
      ['Accept', 'application/json'],
      ...(target.needsAuth ? credentials[target.origin]! : []),
      ...required.filter((p) => p.in === 'header').map((p): [string, string] => [p.name, String(p.example)]),
    ];
    chosen.push({ label: `GET ${target.origin}${target.path}${target.prism ? ' (Prism)' : ''}`, request: { method: 'GET', path: `${target.base}${target.path}${query.length ? `?${query.join('&')}` : ''}`, headers } });
  }
  return chosen;
}

/** Answers every request; the ones a fresh sandbox does not answer 2xx are left out of the baseline. */
export async function recordBaseline(url: string, requests: ReadonlyArray<{ label: string; request: RawRequest }>): Promise<BaselineAnswer[]> {
  const answers: BaselineAnswer[] = [];
  for (const { label, request } of requests) {
    const answer = await sendRaw(url, request);
    if (answer.status >= 200 && answer.status < 300) answers.push({ label, request, status: answer.status, text: portless(answer.text, url) });
  }
  return answers;
}

const short = (text: string): string => (text.length > 200 ? `${JSON.stringify(text.slice(0, 200))}…(${text.length} chars)` : JSON.stringify(text));

/** What differs from the baseline now, one line an answer. */
export async function baselineDrift(url: string, baseline: readonly BaselineAnswer[]): Promise<string[]> {
  const drift: string[] = [];
  for (const expected of baseline) {
    const answer = await sendRaw(url, expected.request);
    const text = portless(answer.text, url);
    if (answer.status !== expected.status || text !== expected.text) {
      drift.push(`${expected.label} answers ${answer.status} ${short(text)} where a fresh sandbox answers ${expected.status} ${short(expected.text)}`);
    }
  }
  return drift;
}
