// What the Hospitable contract cases share: the three origins, the sources they cite (seeds/002 Hospitable, provider-facts.md §2, the
// README's assumptions), v2 request builders with a named token, and checks of Hospitable's error shape and Laravel's paginator.
import type { Auth, CaseContext, ContractResponse, RequestSpec, Source } from '../types.js';
import { asObject, firstFailure } from '../json-checks.js';
export { asObject, firstFailure } from '../json-checks.js';

export const API = 'https://public.api.hospitable.com';
export const AUTH = 'https://auth.hospitable.com';
export const V1 = 'https://api.hospitable.com';

export const doc = (section: string): Source => ({ document: 'seeds/002 Hospitable', section });
export const facts = (line: string): Source => ({ document: 'provider-facts.md §2 Hospitable Public API v2', section: line });
export const assumption = (text: string): Source => ({ assumption: text });
export const V1_PAGE = { page: 'https://developer.hospitable.com/reference/authentication-3', retrieved: '2026-12-03' } as const;

/** A v2 request with a named token (`read`, `write`: the suite's personal access tokens) or any other auth. */
export function v2(path: string, options: { auth?: Auth; method?: RequestSpec['method']; json?: unknown; query?: RequestSpec['query'] } = {}): RequestSpec {
  return {
    origin: API,
    method: options.method ?? 'GET',
    path,
    headers: { Accept: 'application/json' },
    auth: options.auth ?? { token: 'read' },
    ...(options.json !== undefined ? { json: options.json } : {}),
    ...(options.query ? { query: options.query } : {}),
  };
}

/** `{"status_code", "reason_phrase"}` exactly as given. */
export const errorBody = (status: number | string, reason: string): Record<string, unknown> => ({ status_code: status, reason_phrase: reason });

/** Laravel's paginator envelope: data, links and meta with its numbers in agreement. */
export function pageFailure(body: unknown, perPage: number): string | undefined {
  const b = asObject(body);
  const meta = asObject(b.meta);
  return firstFailure(
    !Array.isArray(b.data) && 'data is not an array',
    typeof b.links !== 'object' && 'links is missing',
    meta.per_page !== perPage && `meta.per_page is ${JSON.stringify(meta.per_page)}, not ${perPage}`,
    Array.isArray(b.data) && b.data.length > perPage && `${b.data.length} rows exceed per_page`,
    typeof meta.total !== 'number' && 'meta.total is not a number',
    typeof meta.last_page !== 'number' && 'meta.last_page is not a number',
  );
}

/** Every answer carries `X-hospitable-trace` (provider-facts). */
export const traced = (res: ContractResponse): string | undefined => (res.headers.get('x-hospitable-trace') ? undefined : 'no X-hospitable-trace header');

/** Looks up the first property the `read` token sees (and, on a sandbox, one with or without a calendar-restricted channel). */
export async function rememberProperty(ctx: CaseContext, restricted?: boolean): Promise<void> {
  const res = await ctx.send(v2('/v2/properties', { query: { per_page: 100 } }));
  const rows = (asObject(res.body).data as Array<{ id: string; calendar_restricted?: boolean }> | undefined) ?? [];
  const found = rows.find((p) => restricted === undefined || Boolean(p.calendar_restricted) === restricted);
  if (!found) throw new Error(`before: GET /v2/properties answered ${res.status} without a ${restricted ? 'calendar-restricted ' : ''}property`);
  ctx.state.remember('property', found.id);
}

/** A date well ahead (fixed: contract cases never read the wall clock), where a calendar change meets no reservation. */
export const FAR_DATE = (): string => '2031-06-15';
