// `pms-sandbox contract guesty --base-url`, from dist/, as it runs against a live target: a second sandbox process found through its admin API,
// a target that answers 500 to everything, one that is not there, and usage errors; with the --json and --junit reports it writes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSuite } from '../src/contracts/registry.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const CASES = (await contractSuite('guesty'))!.cases.length;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let scratch: string;

/** The child's environment: no Guesty credentials of the developer's, and a token cache of its own. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '', PMS_SANDBOX_CACHE_DIR: join(scratch, 'cache') };
  for (const key of Object.keys(env)) if (key.startsWith('GUESTY_')) delete env[key];
  return env;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

describe('pms-sandbox contract guesty --base-url', () => {
  let sandbox: ChildProcessWithoutNullStreams;
  let sandboxUrl: string;
  let failing: Server;
  let failingUrl: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'pms-contract-'));
    sandbox = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: childEnv() });
    sandboxUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      sandbox.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /^pms-sandbox serving on (\S+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      sandbox.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    failing = createServer((_req, res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"boom"}'));
    failingUrl = await listen(failing);
  });

  afterAll(async () => {
    sandbox?.kill('SIGTERM');
    await new Promise<void>((resolve) => failing?.close(() => resolve()));
    await rm(scratch, { recursive: true, force: true });
  });

  it('passes every case against a second sandbox process over its base URL and writes both reports', async () => {
    const json = join(scratch, 'sandbox', 'report.json');
    const junit = join(scratch, 'sandbox', 'report.xml');
    const run = await cli('contract', 'guesty', '--base-url', sandboxUrl, '--json', json, '--junit', junit);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`Guesty contract suite against sandbox ${sandboxUrl}`);
    expect(lastLine(run.stdout)).toBe(`${CASES} passed, 0 failed, 0 skipped`);

    const report = JSON.parse(await readFile(json, 'utf8')) as { counts: Record<string, number>; target: { kind: string }; results: Array<{ status: string; source: unknown }> };
    expect(report.counts).toEqual({ passed: CASES, failed: 0, skipped: 0 });
    expect(report.target.kind).toBe('sandbox');
    expect(report.results).toHaveLength(CASES);

    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: { testsuite: { tests: string; failures: string; testcase: unknown[] } } };
    expect(parsed.testsuites.testsuite.tests).toBe(String(CASES));
    expect(parsed.testsuites.testsuite.failures).toBe('0');
    expect(parsed.testsuites.testsuite.testcase).toHaveLength(CASES);
  });

  it('exits 1 against a target that answers 500, with a readable line a failed case and escaped JUnit', async () => {
    const junit = join(scratch, 'failing', 'report.xml');
    const run = await cli('contract', 'guesty', '--base-url', failingUrl, '--junit', junit);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Guesty contract suite against live ${failingUrl}`);
    expect(run.stdout).toContain('✗ refuses a data call without a token with 401 — expected status 401, got 500: {"message":"boom"}');
    expect(run.stdout).toContain('- refuses a sixth token within 24 hours with 429 and Retry-After (skipped: needs the sandbox\'s virtual clock)');
    expect(run.stdout).toMatch(/✗ serves a data call with a valid bearer token — no openApi credentials for this target: set GUESTY_CLIENT_ID and GUESTY_CLIENT_SECRET/);
    expect(lastLine(run.stdout)).toMatch(/^0 passed, [1-9]\d* failed, [1-9]\d* skipped$/);

    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('&quot;message&quot;:&quot;boom&quot;');
  });

  it('exits 1 and names the target it cannot reach', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await cli('contract', 'guesty', '--base-url', url);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ answers at its base URL — cannot reach ${url}: fetch failed`);
    expect(lastLine(run.stdout)).toBe('0 passed, 1 failed, 0 skipped');
  });

  it('exits 2 for an unknown provider or a base URL that is not one', async () => {
    const unknown = await cli('contract', 'airbnb');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown provider "airbnb"; contract suites exist for: guesty');
    const notUrl = await cli('contract', 'guesty', '--base-url', 'localhost:4010');
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain('--base-url must be');
  });
});
