// The Dockerfile kept honest without a Docker engine: its steps are read from the file and replayed in a clean copy of the repo,
// then the image's start command, health check and a Guesty token request are run against the result.
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envOf, healthcheckCommand, parseDockerfile, type Stage } from './support/dockerfile.js';

const REPO = join(import.meta.dirname, '..');
const stages = parseDockerfile(readFileSync(join(REPO, 'Dockerfile'), 'utf8'));
const runtime = stages[stages.length - 1]!;
const ops = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What a clean clone holds: the files git tracks or would track, as they are in the working tree. */
function cleanContext(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pms-docker-context-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  return dir;
}

/** Replays one stage in its own folder (standing for its WORKDIR); returns the folder and the stage's environment. */
function replay(stage: Stage, context: string, built: Map<string, string>): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), `pms-docker-${stage.name ?? 'runtime'}-`));
  const env: Record<string, string> = {};
  for (const step of stage.instructions) {
    if (step.op === 'ENV') Object.assign(env, envOf(step));
    if (step.op === 'COPY') {
      const from = step.flags.from ? built.get(step.flags.from) : context;
      if (!from) throw new Error(`COPY --from=${step.flags.from}: no such stage`);
      const sources = step.words.slice(0, -1).map((s) => (step.flags.from ? s.replace(/^\/app\/?/, '') : s));
      const dest = join(dir, step.words[step.words.length - 1]!);
      const intoFolder = sources.length > 1 || step.words[step.words.length - 1]!.endsWith('/');
      for (const source of sources) cpSync(join(from, source), intoFolder ? join(dest, basename(source)) : dest, { recursive: true });
    }
    if (step.op === 'RUN') execSync(step.args, { cwd: dir, env: { ...process.env, ...env }, stdio: 'pipe' });
  }
  if (stage.name) built.set(stage.name, dir);
  return { dir, env };
}

describe('the Dockerfile, replayed', () => {
  const folders: string[] = [];
  let child: ChildProcess | undefined;
  let runtimeDir: string;
  let runtimeEnv: Record<string, string>;
  let url: string;

  beforeAll(async () => {
    const context = cleanContext();
    folders.push(context);
    const built = new Map<string, string>();
    for (const stage of stages.slice(0, -1)) folders.push(replay(stage, context, built).dir);
    ({ dir: runtimeDir, env: runtimeEnv } = replay(runtime, context, built));
    folders.push(runtimeDir);
    const port = await freePort();
    // The image binds 0.0.0.0; here the replay binds loopback only, as load on this machine must stay on loopback.
    runtimeEnv = { ...runtimeEnv, PORT: String(port), PMS_SANDBOX_HOST: '127.0.0.1' };
    const [command, ...args] = ops(runtime, 'CMD')[0]!.words;
    child = spawn(command === 'node' ? process.execPath : command!, args, { cwd: runtimeDir, env: { PATH: process.env.PATH ?? '', ...runtimeEnv }, stdio: 'ignore' });
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i += 1) {
      if (await fetch(`${url}/__sandbox/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replayed image never became healthy');
  }, 300_000);

  afterAll(() => {
    child?.kill();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('runs as a non-root user, exposes 4010 and declares a health check', () => {
    expect(ops(runtime, 'USER').at(-1)?.words[0]).not.toMatch(/^(root|0)$/);
    expect(ops(runtime, 'EXPOSE').map((i) => i.words[0])).toContain('4010');
    expect(ops(runtime, 'HEALTHCHECK')).toHaveLength(1);
    expect(stages[0]!.image).toMatch(/^node:\d+-[a-z]+-slim$/);
  });

  it('passes its own HEALTHCHECK command', () => {
    const [command, ...args] = healthcheckCommand(ops(runtime, 'HEALTHCHECK')[0]!);
    expect(() => execFileSync(command === 'node' ? process.execPath : command!, args, { env: { ...process.env, ...runtimeEnv }, stdio: 'pipe' })).not.toThrow();
  });

  it('issues a Guesty token with the seeded credentials', async () => {
    const creds = (await (await fetch(`${url}/__sandbox/credentials`)).json()) as { guesty: { openApi: { clientId: string; clientSecret: string } } };
    const res = await fetch(`${url}/open-api.guesty.com/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.guesty.openApi.clientId, client_secret: creds.guesty.openApi.clientSecret }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token_type: string }).token_type).toBe('Bearer');
  });

  it("runs the CLI's contract suite against itself with production dependencies only", () => {
    const out = execFileSync(process.execPath, ['dist/cli.js', 'contract', 'guesty', '--base-url', url], { cwd: runtimeDir, env: { PATH: process.env.PATH ?? '', ...runtimeEnv }, encoding: 'utf8' });
    expect(out).toMatch(/^\d+ passed, 0 failed/m);
  });

  it('holds production dependencies only', () => {
    // The lockfile marks what only development needs with "dev": true; none of it may reach the image.
    const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => path && entry.dev).map(([path]) => path);
    expect(devOnly.length).toBeGreaterThan(0);
    for (const path of devOnly) expect(existsSync(join(runtimeDir, path)), path).toBe(false);
    expect(existsSync(join(runtimeDir, 'node_modules', 'express'))).toBe(true);
    expect(existsSync(join(runtimeDir, 'src'))).toBe(false);
  });
});
