// The seed worker as the built sandbox runs it (dist/, which `npm test` builds first): results come back whole and equal to the same seed
// made in process, a failing job says why without stopping the others, and the serving thread never loads faker.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SeedWorker as SeedWorkerClass } from '../src/core/seed-worker.js';
import { seedGuestyAccounts, seedGuestyData } from '../src/mocks/guesty/data.js';
import { seedRezStreamData, seedRezStreamDirectory } from '../src/mocks/rezstream/data.js';

const ROOT = join(import.meta.dirname, '..');
const built = (path: string): URL => pathToFileURL(join(ROOT, 'dist', path));
const JOBS = pathToFileURL(join(import.meta.dirname, 'fixtures', 'seed-jobs.mjs'));
// The built module, imported by URL: from the TypeScript sources the worker's own thread script (seed-thread.js) does not exist.
const { SeedWorker } = (await import(built('core/seed-worker.js').href)) as { SeedWorker: typeof SeedWorkerClass };

describe('the seed worker', () => {
  it('makes in its thread exactly what the providers make in process for the same seed', async () => {
    const seeds = new SeedWorker();
    const guestyAccounts = seeds.job(built('mocks/guesty/data.js'), 'seedGuestyAccounts', [7]);
    const guestyData = seeds.job(built('mocks/guesty/data.js'), 'seedGuestyData', [7]);
    const directory = seeds.job(built('mocks/rezstream/data.js'), 'seedRezStreamDirectory', [7]);
    const reservations = seeds.job(built('mocks/rezstream/data.js'), 'seedRezStreamData', [7]);
    seeds.start();
    // Taken at once, before the worker can have answered: take waits for it.
    expect(guestyAccounts.take()).toEqual(seedGuestyAccounts(7));
    expect(guestyData.take()).toEqual(seedGuestyData(7));
    expect(reservations.take()).toEqual(seedRezStreamData(7));
    expect(directory.take()).toEqual(seedRezStreamDirectory(7));
    await seeds.settled();
  });

  it('hands back async results and structured values, and a failing job says why while the others still arrive', async () => {
    const seeds = new SeedWorker();
    const failing = seeds.job(JOBS, 'fails', []);
    const later = seeds.job<{ value: string; rows: Array<{ id: string; at: Date }> }>(JOBS, 'later', ['x']);
    const missing = seeds.job(JOBS, 'noSuchExport', []);
    const echo = seeds.job(JOBS, 'echo', [{ n: 1 }]);
    seeds.start();
    await seeds.settled();
    expect(() => failing.take()).toThrow(/seeding \(fails\) failed in the seed worker: Error: no seed today/);
    // Asked again, it answers the same at once (the message was read once and kept).
    expect(() => failing.take()).toThrow(/no seed today/);
    expect(() => missing.take()).toThrow(/exports no function noSuchExport/);
    expect(later.take()).toEqual({ value: 'x', rows: [{ id: 'a', at: new Date(0) }] });
    expect(echo.take()).toEqual({ n: 1 });
    // Taken once, kept: the same value again, not a second message.
    expect(echo.take()).toBe(echo.take());
  });

  it('runs a job in this thread when given the module already loaded here (the TypeScript sources)', () => {
    const seeds = new SeedWorker();
    let calls = 0;
    const job = seeds.job(JOBS, 'count', [], { count: () => ++calls });
    expect(calls).toBe(0);
    expect(job.take()).toBe(1);
    expect(job.take()).toBe(1);
  });

  it('keeps faker out of the serving thread: a built sandbox that read and wrote Guesty data never resolved it there', () => {
    const out = execFileSync(process.execPath, [join(import.meta.dirname, 'fixtures', 'main-thread-modules.mjs'), built('sandbox.js').href], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    const { listings, guest, resolved } = JSON.parse(out) as { listings: number; guest: string; resolved: string[] };
    expect(listings).toBe(30);
    expect(guest).toMatch(/^[0-9a-f]{24}$/);
    expect(resolved.some((url) => url.includes('/dist/server.js'))).toBe(true);
    expect(resolved.filter((url) => url.includes('@faker-js'))).toEqual([]);
  });
});
