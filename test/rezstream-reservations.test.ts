// The Cloud API's reservation endpoints over real HTTP (seeds/001, "rezStream Cloud API" paging examples and "The Data and Endpoints"):
// the document's examples verbatim, a fetch client following Link headers parsed by http-link-header, the cursor under concurrent updates,
// stay windows in the tenant's time zone, the group model, and validation.
import LinkHeader from 'http-link-header';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { ASPEN, cloud, cloudBase, CLOUD_ORIGIN, KONA, manualToken } from './support/rezstream.js';


interface Summary {
  id: string;
  version: number;
  updatedAt: string;
  arrival: string;
  departure: string;
  unitAssignments: Array<{ id: string; arrival: string; departure: string; memberIds: string[] }>;
}

interface Full extends Summary {
  tenantId: string;
  members: Array<{ id: string; phone: string; mobilePhone: string | null; isPrimary: boolean }>;
  invoices: Array<{ memberId: string; unitAssignmentIds: string[] }>;
}

describe('the rezStream reservation endpoints', () => {
  let sandbox: RunningSandbox;
  let aspen: string;
  /** The document's URLs, origin replaced by the sandbox's base URL. */
  const local = (documentUrl: string): string => documentUrl.replace(CLOUD_ORIGIN, cloudBase(sandbox));
  const get = (pathAndQuery: string, token = aspen): Promise<Response> => cloud(sandbox, pathAndQuery, { token });
  const linkLines = (res: Response): string[] => res.headers.get('link')!.split(/,\s*(?=<)/);

  /** What a user's polling client does: fetch, read the body, follow rel="next" until there is none. */
  async function follow(firstUrl: string, token = aspen, between?: (page: number) => Promise<void>): Promise<{ rows: Summary[]; pages: Response[] }> {
    const rows: Summary[] = [];
    const pages: Response[] = [];
    let url: string | undefined = firstUrl;
    while (url) {
      const res: Response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, 'X-RezStream-Api-Version': '2024-06-01' } });
      expect(res.status).toBe(200);
      pages.push(res);
      rows.push(...((await res.json()) as Summary[]));
      await between?.(pages.length);
      url = LinkHeader.parse(res.headers.get('link') ?? '').get('rel', 'next')[0]?.uri;
      expect(pages.length).toBeLessThan(50);
    }
    return { rows, pages };
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    aspen = manualToken(sandbox, ASPEN);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  describe('the document examples, origin replaced', () => {
    it('answers byDate?from=2023-01-01&to=2024-01-01&skip=10&limit=10 with exactly the four Link lines the document prints', async () => {
      const res = await get('/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=10&limit=10');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(linkLines(res)).toEqual([
        local('<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=20&limit=10>; rel="next"'),
        local('<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=0&limit=10>; rel="prev"'),
        local('<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=30&limit=10>; rel="last"'),
        local('<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=0&limit=10>; rel="first"'),
      ]);
      const body = (await res.json()) as unknown[];
      expect(Array.isArray(body)).toBe(true);
      expect(body).toHaveLength(10);
    });

    it('answers updated?from=2020-01-01T00:00:00Z&limit=10 with exactly the document\'s two cursor links', async () => {
      const res = await get('/reservations/updated?from=2020-01-01T00:00:00Z&limit=10');
      expect(linkLines(res)).toEqual([
        local('<https://cloudapi.rezstream.com/reservations/updated?from=2020-01-01T00%3A00%3A00Z&afterAt=2021-10-01T14%3A44%3A54.03Z&afterId=fa801bc8-92af-48d3-9ee4-a8685f794904&limit=10>; rel="next"'),
        local('<https://cloudapi.rezstream.com/reservations/updated?from=2020-01-01T00%3A00%3A00Z&limit=10>; rel="first"'),
      ]);
    });

    it.each(['/reservations/updated?from=2023-01-01T00:00:00Z&limit=20', '/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=20', '/reservations/a2857289-0f63-4a26-b509-444699485a33'])(
      'answers the document\'s simplest query %s with 200',
      async (path) => {
        expect((await get(path)).status).toBe(200);
      },
    );
  });

  describe('offset paging by stay dates', () => {
    it('reaches rel="last" by following rel="next": 35 stays in 2023, each once, ordered by arrival', async () => {
      const { rows, pages } = await follow(`${cloudBase(sandbox)}/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=10`);
      expect(pages).toHaveLength(4);
      expect(new Set(rows.map((r) => r.id)).size).toBe(35);
      expect(rows.map((r) => r.arrival)).toEqual([...rows.map((r) => r.arrival)].sort());
      const last = LinkHeader.parse(pages[0]!.headers.get('link')!).get('rel', 'last')[0]!.uri;
      expect(pages[3]!.url).toBe(last);
      expect(LinkHeader.parse(pages[3]!.headers.get('link')!).has('rel', 'next')).toBe(false);
    });

    it("reads from and to as local dates of the tenant: a stay is in the window of its local arrival date, whatever the UTC date", async () => {
      const kona = manualToken(sandbox, KONA);
      const all = (await (await get('/reservations/byDate?from=2026-08-01&to=2027-04-01&limit=100', kona)).json()) as Summary[];
      // Honolulu is UTC-10: a 16:00 local check-in is 02:00 UTC the next day.
      const stay = all.find((r) => r.arrival.endsWith('T16:00:00-10:00'))!;
      const arrivalDay = stay.arrival.slice(0, 10);
      const departureDay = stay.departure.slice(0, 10);
      const window = async (from: string, to: string): Promise<string[]> => ((await (await get(`/reservations/byDate?from=${from}&to=${to}&limit=100`, kona)).json()) as Summary[]).map((r) => r.id);
      expect(await window(arrivalDay, departureDay)).toContain(stay.id);
      expect(await window(departureDay, '2027-12-31')).not.toContain(stay.id);
      const dayBefore = new Date(Date.parse(`${arrivalDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(await window('2026-01-01', arrivalDay)).not.toContain(stay.id);
      expect(await window(dayBefore, arrivalDay)).not.toContain(stay.id);
    });
  });

  describe('the update cursor', () => {
    it('pages ascending by update time, then id, and ends with a page that has no next link', async () => {
      const { rows, pages } = await follow(`${cloudBase(sandbox)}/reservations/updated?from=2020-01-01T00:00:00Z&limit=10`);
      const keys = rows.map((r) => [Date.parse(r.updatedAt), r.id] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
      expect(keys).toEqual(sorted);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      expect(pages.length).toBeGreaterThan(5);
    });

    it('skips none when reservations change mid-poll: those changed after being read appear again, with their new version', async () => {
      const before = (await follow(`${cloudBase(sandbox)}/reservations/updated?from=2020-01-01T00:00:00Z&limit=10`)).rows;
      const seen = before[3]!;
      const unseen = before[before.length - 5]!;
      const change = (id: string, notes: string): Promise<Response> =>
        fetch(`${sandbox.url}/__sandbox/rezstream/reservations/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ notes }) });
      const { rows } = await follow(`${cloudBase(sandbox)}/reservations/updated?from=2020-01-01T00:00:00Z&limit=10`, aspen, async (page) => {
        if (page !== 2) return;
        expect((await change(seen.id, 'changed after it was read')).status).toBe(200);
        expect((await change(unseen.id, 'changed before it was read')).status).toBe(200);
      });
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(before.map((r) => r.id)));
      const seenTwice = rows.filter((r) => r.id === seen.id);
      expect(seenTwice.map((r) => r.version)).toEqual([seen.version, seen.version + 1]);
      expect(rows.filter((r) => r.id === unseen.id).map((r) => r.version)).toEqual([unseen.version + 1]);
      // A change moves a reservation past every other update, so both end the poll.
      expect(new Set(rows.slice(-2).map((r) => r.id))).toEqual(new Set([seen.id, unseen.id]));
    });
  });

  describe('one reservation', () => {
    it('gives the document example as a whole group: several unit assignments with their own dates, members per unit, invoices per member and unit', async () => {
      const r = (await (await get('/reservations/a2857289-0f63-4a26-b509-444699485a33')).json()) as Full;
      expect(r.tenantId).toBe(ASPEN);
      expect(r.unitAssignments.length).toBeGreaterThan(1);
      expect(new Set(r.unitAssignments.map((u) => `${u.arrival}/${u.departure}`)).size).toBeGreaterThan(1);
      expect(r.members.length).toBeGreaterThan(1);
      const memberIds = new Set(r.members.map((m) => m.id));
      const byUnit = r.unitAssignments.map((u) => u.memberIds);
      expect(byUnit.flat().every((id) => memberIds.has(id))).toBe(true);
      expect(new Set(byUnit.map((ids) => ids.join())).size).toBe(byUnit.length);
      expect(new Set(r.invoices.map((i) => i.memberId)).size).toBeGreaterThan(1);
      const unitIds = new Set(r.unitAssignments.map((u) => u.id));
      expect(r.invoices.flatMap((i) => i.unitAssignmentIds).every((id) => unitIds.has(id))).toBe(true);
      expect(r.members.filter((m) => m.isPrimary)).toHaveLength(1);
    });

    it('gives people a mobile number apart from their phone, and some people none', async () => {
      const ids = ((await (await get('/reservations/byDate?from=2026-08-01&to=2027-04-01&limit=100')).json()) as Summary[]).map((r) => r.id);
      const members = (await Promise.all(ids.map(async (id) => ((await (await get(`/reservations/${id}`)).json()) as Full).members))).flat();
      expect(members.some((m) => m.mobilePhone === null)).toBe(true);
      expect(members.some((m) => m.mobilePhone !== null && m.mobilePhone !== m.phone)).toBe(true);
    });

    it('answers an unknown id with 404 problem+json', async () => {
      const res = await get('/reservations/00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ title: 'Not Found', status: 404, detail: 'No reservation 00000000-0000-4000-8000-000000000000.' });
    });
  });

  describe('validation', () => {
    it.each([
      ['/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=0', 'limit'],
      ['/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=101', 'limit'],
      ['/reservations/byDate?to=2024-01-01', 'from'],
      ['/reservations/byDate?from=01/01/2023&to=2024-01-01', 'from'],
      ['/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=-1', 'skip'],
      ['/reservations/updated?from=yesterday', 'from'],
      ['/reservations/updated?from=2020-01-01T00:00:00Z&afterAt=2021-10-01T14:44:54.03Z', 'afterId'],
      ['/reservations/not-a-uuid', 'id'],
    ])('refuses %s with 400 naming %s', async (path, field) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { title: string; errors: Record<string, string[]> };
      expect(body.title).toBe('One or more validation errors occurred.');
      expect(Object.keys(body.errors)).toContain(field);
    });
  });

  it('gives the same reservations for the same seed in a second sandbox', async () => {
    const other = await startSandbox({ seed: sandbox.sandbox.config.seed });
    try {
      const path = '/reservations/byDate?from=2026-08-01&to=2027-04-01&limit=100';
      const theirs = await (await fetch(`${other.origins[CLOUD_ORIGIN]}${path}`, { headers: { Authorization: `Bearer ${manualToken(other, ASPEN)}`, 'X-RezStream-Api-Version': '2024-06-01' } })).json();
      expect(theirs).toEqual(await (await get(path)).json());
      expect(manualToken(other, ASPEN)).toBe(aspen);
    } finally {
      await other.close();
    }
  });
});
