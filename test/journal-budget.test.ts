// The journal's memory budget (README, "The admin API": bodies kept up to 64 KB each) under twenty unauthenticated ~1 MB JSON bodies.
// Each is refused, the journal keeps a bounded prefix of each, and the sandbox's heap does not keep the twenty bodies alive.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { closeRawConnections, sendRaw } from './support/fuzz/raw-http.js';

const BODY_LIMIT_PER_ENTRY = 64 * 1024;
/** Room for the JSON around a kept prefix and a truncation marker. */
const MARGIN = 1024;
const ATTACKS = 20;
/** Twenty bodies kept whole would hold some 80 MB (each parses into an array of 523,500 numbers); their prefixes, well under one. */
const MAX_HEAP_GROWTH = 40 * 1024 * 1024;

/** `[0,0,…,0]`, 1,047,001 bytes: just under the default 1mb body limit, so it is parsed before the guard refuses it. */
const ATTACK = Buffer.from(`[${'0,'.repeat(523_499)}0]`);

/**
 * The sandbox runs in this process, so its heap is this heap. The runner is not started with --expose-gc (its options are not this
 * file's to change), but V8 hands out its collector when asked at run time; a full collection before each reading counts only what is kept.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function retainedHeap(gc: () => void): number {
  gc();
  gc();
  return getHeapStatistics().used_heap_size;
}

describe('the journal under oversized bodies', () => {
  let sandbox: RunningSandbox;
  const attack = (): Promise<{ status: number }> =>
    sendRaw(sandbox.url, { method: 'POST', path: '/open-api.guesty.com/v1/guests-crud', headers: [['Content-Type', 'application/json'], ['Accept', 'application/json']], body: ATTACK });

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false, logLevel: 'silent' });
    sandbox.clock.freeze('2026-11-01T09:00:00.000Z');
  });
  afterAll(async () => {
    closeRawConnections();
    await sandbox.close();
  });

  it('refuses twenty unauthenticated ~1 MB bodies and keeps neither them nor more than 64 KB of each', async () => {
    const gc = collector();
    // One refusal first, so what the first request sets up once is not counted as kept.
    expect([401, 403]).toContain((await attack()).status);
    await sendRaw(sandbox.url, { method: 'DELETE', path: '/__sandbox/journal', headers: [] });
    const before = retainedHeap(gc);
    const statuses: number[] = [];
    for (let i = 0; i < ATTACKS; i += 1) statuses.push((await attack()).status);
    const growth = retainedHeap(gc) - before;

    expect(statuses.every((s) => s === 401 || s === 403), `answered ${statuses.join(', ')}`).toBe(true);
    const journal = JSON.parse((await sendRaw(sandbox.url, { method: 'GET', path: `/__sandbox/journal?limit=${ATTACKS}`, headers: [] })).text) as { entries: Array<{ requestBody: unknown }> };
    expect(journal.entries).toHaveLength(ATTACKS);
    const kept = journal.entries.map((e) => JSON.stringify(e.requestBody ?? null).length);
    expect.soft(Math.max(...kept), `the journal keeps request bodies of ${kept.join(', ')} characters`).toBeLessThanOrEqual(BODY_LIMIT_PER_ENTRY + MARGIN);
    expect.soft(growth, `the heap keeps ${(growth / 1024 / 1024).toFixed(1)} MB more after the requests`).toBeLessThan(MAX_HEAP_GROWTH);
  });

  it('answers the last of them in the journal with a request body no larger than 64 KB', async () => {
    const last = JSON.parse((await sendRaw(sandbox.url, { method: 'GET', path: '/__sandbox/journal?limit=1', headers: [] })).text) as { entries: Array<{ requestBody: unknown; status: number }> };
    expect(last.entries[0]?.status).toBeGreaterThanOrEqual(401);
    expect(JSON.stringify(last.entries[0]?.requestBody ?? null).length).toBeLessThanOrEqual(BODY_LIMIT_PER_ENTRY + MARGIN);
  });
});
