// The sandbox's admin API as a case's `before` step calls it (the headless consent queue, a launch, the seeded credentials): cases that need it
// are marked `sandbox`, so it never runs against a live target.
import type { CaseContext } from './types.js';

export async function sandboxAdmin(ctx: CaseContext, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  if (ctx.target.kind !== 'sandbox') throw new Error(`${method} /__sandbox${path} exists on a sandbox only`);
  const res = await fetch(`${ctx.target.baseUrl}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`before: the sandbox's ${method} /__sandbox${path} answered ${res.status}: ${text.slice(0, 200)}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
