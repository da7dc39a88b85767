// `pms-sandbox verify` against a listening sandbox: a line a rule, JUnit and JSON reports, exit 0 with no failed rule, 1 with one, 2 on a usage
// error or an unreachable sandbox; in process, and as the command line from dist/ (which `npm test` builds first) in a child process.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runVerifyCommand } from '../src/contracts/verify/command.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { guestyCredentials, openApiBase, openApiToken } from './support/guesty.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

function capture(): { io: { out: (l: string) => void; err: (l: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => void out.push(l), err: (l) => void err.push(l) }, out, err };
}

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, PORT: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('pms-sandbox verify', () => {
  let sandbox: RunningSandbox;
  let scratch: string;
  let clientId: string;
  const listings = async (token: string) => fetch(`${openApiBase(sandbox)}/v1/listings`, { headers: { Authorization: `Bearer ${token}` } });
  /** Six tokens in a row: the quota rule fails on the sixth. */
  const misbehave = async () => {
    for (let i = 0; i < 6; i += 1) await listings(await openApiToken(sandbox).catch(() => ''));
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ logLevel: 'silent' });
    scratch = await mkdtemp(join(tmpdir(), 'pms-verify-'));
    clientId = guestyCredentials(sandbox).clientId;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it('prints a line a rule and exits 0 when no rule failed, writing JUnit and JSON reports', async () => {
    const token = await openApiToken(sandbox);
    await listings(token);
    await listings(token);
    const { io, out } = capture();
    const junit = join(scratch, 'ok.xml');
    const json = join(scratch, 'ok.json');
    expect(await runVerifyCommand({ url: sandbox.url, provider: 'guesty', junit, json }, io)).toBe(0);
    expect(out).toContain(`✓ guesty ${clientId}: requests at most five tokens in any 24 hours`);
    expect(out.at(-1)).toMatch(/^\d+ passed, 0 failed, \d+ not applicable$/);
    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false }).parse(xml).testsuites.testsuite['@_name']).toBe('guesty');
    const report = JSON.parse(await readFile(json, 'utf8')) as { counts: { failed: number }; rules: unknown[] };
    expect(report.counts.failed).toBe(0);
    expect(report.rules).toEqual((await sandbox.verify({ provider: 'guesty' })).rules);
  });

  it('exits 1 on a failed rule, naming its journal entries, its rule id and source, with a JUnit failure', async () => {
    await misbehave();
    const sixth = sandbox.journal.query({ path: '/oauth2/token' }).at(-1)!.id;
    const { io, out } = capture();
    const junit = join(scratch, 'failed.xml');
    expect(await runVerifyCommand({ url: sandbox.url, client: clientId, junit }, io)).toBe(1);
    const line = out.find((l) => l.startsWith('✗') && l.includes('requests at most five tokens'))!;
    expect(line).toContain(`(entry ${sixth})`);
    expect(line).toContain('rule: guesty.token-quota; source: seeds/003 Guesty Authentication, "2. Generating the Access Token"');
    expect(await readFile(junit, 'utf8')).toMatch(/<testcase name="[^"]*requests at most five tokens[^"]*" classname="guesty.token-quota" time="0">\s*<failure/);
  });

  it('exits 2 on options the sandbox refuses and on a sandbox that is not there', async () => {
    const refused = capture();
    expect(await runVerifyCommand({ url: sandbox.url, provider: 'airbnb' }, refused.io)).toBe(2);
    expect(refused.err.join('\n')).toMatch(/answered 400: provider must be one of/);
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const gone = capture();
    expect(await runVerifyCommand({ url: `http://127.0.0.1:${closed}` }, gone.io)).toBe(2);
    expect(gone.err.join('\n')).toMatch(/cannot reach a sandbox at http:\/\/127\.0\.0\.1:\d+/);
    expect(await runVerifyCommand({ url: 'localhost:4010' }, capture().io)).toBe(2);
  });

  it('runs from the command line: exit 1 and a JSON report for a misbehaving client, exit 2 for a bad --since', { timeout: 60_000 }, async () => {
    await misbehave();
    const json = join(scratch, 'cli.json');
    const failed = await cli('verify', '--url', sandbox.url, '--provider', 'guesty', '--client', clientId, '--json', json);
    expect(failed.code).toBe(1);
    expect(failed.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ not applicable$/);
    expect((JSON.parse(await readFile(json, 'utf8')) as { rules: Array<{ id: string; status: string }> }).rules.find((r) => r.id === 'guesty.token-quota')!.status).toBe('failed');
    const usage = await cli('verify', '--url', sandbox.url, '--since', 'last tuesday');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('an ISO 8601 date-time');
  });
});
