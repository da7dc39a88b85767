// `pms-sandbox contract <provider> --base-url <url> --compare`: the suite against the in-process sandbox and a target, case by case, each
// disagreement classified. The target is a second sandbox process changed to misbehave (test/fixtures/drifting-sandbox.mjs, built dist/).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContractCommand } from '../src/contracts/command.js';
import { classify, compareTargets } from '../src/contracts/compare.js';
import { inProcessTarget, urlTarget } from '../src/contracts/harness.js';
import { contractSuite } from '../src/contracts/registry.js';
import type { CaseResult, ContractResponse } from '../src/contracts/types.js';

const result = (status: CaseResult['status']): CaseResult => ({ id: 'x', sentence: 's', source: { assumption: 'a' }, status, durationMs: 0 });
const answer = (status: number, body: unknown): ContractResponse => ({ status, headers: new Headers(), body, text: JSON.stringify(body), url: 'http://x/' });

describe('classifying a case run on two targets', () => {
  it('says who left the document', () => {
    expect(classify(result('passed'), result('passed'), {})).toBe('agree');
    expect(classify(result('failed'), result('passed'), {})).toBe('sandbox-differs');
    expect(classify(result('passed'), result('failed'), {})).toBe('provider-differs');
    expect(classify(result('passed'), result('skipped'), {})).toBe('skipped');
  });

  it('calls a case both fail alike (status and body shape) a stale document, and one they fail differently both differing', () => {
    const failed = result('failed');
    expect(classify(failed, failed, { sandbox: answer(404, { code: 404, error: 'a' }), live: answer(404, { error: 'b', code: 404 }) })).toBe('document-stale');
    expect(classify(failed, failed, { sandbox: answer(404, { code: 404 }), live: answer(400, { code: 400 }) })).toBe('both-differ');
    expect(classify(failed, failed, { sandbox: answer(404, { code: 404 }), live: answer(404, { message: 'x' }) })).toBe('both-differ');
  });
});

const suite = (await contractSuite('ownerrez'))!;

describe('comparing the sandbox with a drifting target', () => {
  const drifting: Array<{ child: ChildProcess; url: string }> = [];

  const startDrifting = async (): Promise<string> => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'fixtures', 'drifting-sandbox.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const url = line.toString('utf8').trim();
    drifting.push({ child, url });
    return url;
  };

  beforeAll(async () => {
    await startDrifting();
    await startDrifting();
  }, 60_000);
  afterAll(() => {
    for (const { child } of drifting) child.kill();
  });

  it('reports the cases where the provider left the document, naming their source, and exits 1', async () => {
    const lines: string[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'compare-'));
    const code = await runContractCommand('ownerrez', { baseUrl: drifting[0]!.url, compare: true, json: join(dir, 'compare.json') }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(code).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('DRIFT  data.bookings-need-a-filter: the provider differs from the document');
    expect(text).toContain('DRIFT  data.unknown-booking: the provider differs from the document');
    expect(text).toContain("source: provider-facts.md §1 OwnerRez API v2");
    expect(text).toContain('AGREE  access.personal-token-basic: agree');
    expect(text).toMatch(/\d+ agree, 2 drift, 0 not compared/);
    const report = JSON.parse(await readFile(join(dir, 'compare.json'), 'utf8')) as { comparisons: Array<{ id: string; drift: string }> };
    expect(report.comparisons.filter((c) => c.drift !== 'agree').map((c) => c.id).sort()).toEqual(['data.bookings-need-a-filter', 'data.unknown-booking']);
  });

  it('calls the document stale where both targets answer alike against it, and the sandbox the one that differs when only it drifts', async () => {
    const [a, b] = await Promise.all(drifting.map(({ url }) => urlTarget(suite, url)));
    const both = await compareTargets(suite, a!, b!);
    expect(both.filter((c) => c.drift !== 'agree').map((c) => [c.id, c.drift])).toEqual([
      ['data.bookings-need-a-filter', 'document-stale'],
      ['data.unknown-booking', 'document-stale'],
    ]);
    const inProcess = await inProcessTarget(suite);
    const sandboxDrifts = await compareTargets(suite, a!, inProcess).finally(() => inProcess.close());
    expect(sandboxDrifts.filter((c) => c.drift !== 'agree').map((c) => [c.id, c.drift])).toEqual([
      ['data.bookings-need-a-filter', 'sandbox-differs'],
      ['data.unknown-booking', 'sandbox-differs'],
    ]);
  });

  it('exits 2 when --compare has no --base-url', async () => {
    const lines: string[] = [];
    expect(await runContractCommand('ownerrez', { compare: true }, { out: (l) => lines.push(l), err: (l) => lines.push(l) })).toBe(2);
    expect(lines.join('\n')).toContain('--compare needs --base-url');
  });
});
