// The Dockerfile kept honest without a Docker engine: its steps are read from the file and replayed in a clean copy of the repo,
// then the image's start command, health check and a Guesty token request are run against the result.
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthcheckCommand, parseDockerfile, type Instruction, type Stage } from './support/dockerfile.js';

const REPO = join(import.meta.dirname, '..');
const stages = parseDockerfile(readFileSync(join(REPO, 'Dockerfile'), 'utf8'));
const runtime = stages[stages.length - 1]!;
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string }; dependencies: Record<string, string> };
const ops = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op);
/** What each instruction means to the replay; any other instruction fails the replay rather than being skipped unnoticed. */
const REPLAYED = new Set(['WORKDIR', 'ENV', 'COPY', 'RUN', 'USER', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'LABEL']);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `ENV A=1 B="x y"` (or the legacy `ENV A value`) into an object; a value keeps any `=` after the first. */
function envOf(step: Instruction): Record<string, string> {
  if (!step.words[0]?.includes('=')) return { [step.words[0]!]: step.words.slice(1).join(' ') };
  const pairs = [...step.args.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g)];
  return Object.fromEntries(pairs.map(([, key, value]) => [key!, value!.startsWith('"') ? (JSON.parse(value!) as string) : value!]));
}

/**
 * The environment a Docker build step would see: none of this test run's own (no NODE_ENV=test, no node_modules/.bin on PATH,
 * no NODE_PATH, no npm lifecycle variables), only what npm needs to reach its registry (proxies, CA certificates) and cache.
 * `npm ci` runs "offline-ish" here (prefer-offline, no audit, no fund) through npm's own environment settings, so the Dockerfile
 * keeps the flags a real, cache-less image build wants.
 */
const PATH = [dirname(process.execPath), ...(process.env.PATH ?? '').split(delimiter).filter((p) => p && !p.includes('node_modules'))].join(delimiter);
const HOST_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(HOME|TMPDIR|LANG|TZ|(https?|no)_proxy|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|npm_config_(cache|registry|userconfig))$/i.test(k))) as Record<string, string>;
const BUILD_ENV = { ...HOST_ENV, PATH, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/** Turns `.dockerignore` lines into a test of a context path (the subset used here: paths, `*`, `**`, `?`, `!`). */
function dockerignore(): (path: string) => boolean {
  const file = join(REPO, '.dockerignore');
  const rules = (existsSync(file) ? readFileSync(file, 'utf8') : '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((line) => {
    const negate = line.startsWith('!');
    const glob = line.replace(/^!/, '').replace(/^\/+|\/+$/g, '');
    const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\0/g, '.*');
    return { negate, pattern: new RegExp(`^${source}(/.*)?$`) };
  });
  return (path) => rules.reduce((ignored, rule) => (rule.pattern.test(path) ? !rule.negate : ignored), false);
}

/** What Docker's build context holds for a clean clone: the files git tracks or would track, as in the working tree, less `.dockerignore`. */
function cleanContext(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pms-docker-context-'));
  const ignored = dockerignore();
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    if (ignored(file) || !existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  return dir;
}

interface Replayed {
  dir: string;
  workdir: string;
  env: Record<string, string>;
}

/** A path inside a stage: relative to its WORKDIR, or absolute under it. */
function inStage(stage: Replayed, path: string): string {
  if (!isAbsolute(path)) return join(stage.dir, path);
  const rel = relative(stage.workdir, path);
  if (rel.startsWith('..')) throw new Error(`${path} lies outside WORKDIR ${stage.workdir}; the replay maps only the WORKDIR`);
  return join(stage.dir, rel);
}

/** Replays one stage in its own folder, standing for its WORKDIR. */
function replay(stage: Stage, context: string, built: Map<string, Replayed>): Replayed {
  const state: Replayed = { dir: mkdtempSync(join(tmpdir(), `pms-docker-${stage.name ?? 'runtime'}-`)), workdir: '/', env: {} };
  for (const step of stage.instructions) {
    if (!REPLAYED.has(step.op)) throw new Error(`the replay does not know ${step.op}; teach test/dockerfile.test.ts what it does`);
    if (step.op === 'WORKDIR') state.workdir = step.words[0]!;
    if (step.op === 'ENV') Object.assign(state.env, envOf(step));
    if (step.op === 'COPY') {
      const source = step.flags.from ? built.get(step.flags.from) : undefined;
      if (step.flags.from && !source) throw new Error(`COPY --from=${step.flags.from}: no such stage`);
      const target = step.words[step.words.length - 1]!;
      const dest = inStage(state, target);
      const intoFolder = step.words.length > 2 || target.endsWith('/');
      for (const from of step.words.slice(0, -1)) {
        const path = source ? inStage(source, from) : join(context, from);
        cpSync(path, intoFolder ? join(dest, basename(from)) : dest, { recursive: true });
      }
    }
    if (step.op === 'RUN') {
      const options = { cwd: state.dir, env: { ...BUILD_ENV, ...state.env }, stdio: 'pipe' as const, maxBuffer: 64 * 1024 * 1024 };
      if (step.args.startsWith('[')) execFileSync(step.words[0]!, step.words.slice(1), options);
      else execSync(step.args, { ...options, shell: '/bin/sh' });
    }
  }
  if (stage.name) built.set(stage.name, state);
  return state;
}

/** Every package a built file imports or requires, statically or dynamically. */
function importedPackages(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(m|c)?js$/.test(entry.name)) continue;
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire(?:\.resolve)?\s*\(\s*)['"]([^'"\s]+)['"]/g)) {
      if (spec!.startsWith('.') || spec!.startsWith('/') || isBuiltin(spec!)) continue;
      found.add(spec!.split('/').slice(0, spec!.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return found;
}

describe('the Dockerfile, replayed', () => {
  const folders: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<number | null>;
  let output = '';
  let image: Replayed;
  let runEnv: Record<string, string>;
  let url: string;

  beforeAll(async () => {
    const context = cleanContext();
    folders.push(context);
    const built = new Map<string, Replayed>();
    for (const stage of stages.slice(0, -1)) folders.push(replay(stage, context, built).dir);
    image = replay(runtime, context, built);
    folders.push(image.dir);
    const home = mkdtempSync(join(tmpdir(), 'pms-docker-home-'));
    folders.push(home);
    const port = await freePort();
    // The image binds 0.0.0.0 (its ENV); the replay overrides that with 127.0.0.1, as load on this machine stays on loopback,
    // and PORT with a free port. HOME stands for the non-root user's home, so nothing lands in this machine's own.
    runEnv = { PATH, HOME: home, ...image.env, PORT: String(port), PMS_SANDBOX_HOST: '127.0.0.1' };
    const [command, ...args] = ops(runtime, 'CMD').at(-1)!.words;
    child = spawn(command === 'node' ? process.execPath : command!, args, { cwd: image.dir, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    exited = new Promise((resolve) => child!.once('exit', (code) => resolve(code)));
    let gone = false;
    void exited.then(() => (gone = true));
    url = `http://127.0.0.1:${port}`;
    for (let tries = 0; tries < 200 && !gone; tries += 1) {
      if (await fetch(`${url}/__sandbox/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the replayed image never became healthy${gone ? ' (it exited)' : ''}:\n${output}`);
  }, 240_000);

  // Removing the replayed stages (each with its node_modules) takes as long as installing them did on a busy machine.
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }, 240_000);

  it('builds from slim Node images of one major release that package.json allows', () => {
    const majors = stages.map((s) => /^node:(\d+)(?:\.[\d.]+)?-[a-z]+-slim$/.exec(s.image)?.[1]);
    expect(majors.every(Boolean), stages.map((s) => s.image).join(', ')).toBe(true);
    expect(new Set(majors).size).toBe(1);
    const minimum = Number(/>=\s*(\d+)/.exec(pkg.engines.node)?.[1]);
    expect(Number(majors[0])).toBeGreaterThanOrEqual(minimum);
  });

  it('runs as a non-root user, listens on all interfaces at the port it exposes, and declares a health check', () => {
    expect(ops(runtime, 'USER').at(-1)?.words[0]).toBeDefined();
    expect(ops(runtime, 'USER').at(-1)?.words[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(ops(runtime, 'EXPOSE').map((i) => i.words[0])).toContain('4010');
    expect(image.env).toMatchObject({ PORT: '4010', PMS_SANDBOX_HOST: '0.0.0.0' });
    expect(ops(runtime, 'HEALTHCHECK')).toHaveLength(1);
  });

  it('starts in exec form, so node itself receives docker stop', () => {
    expect(ops(runtime, 'CMD').at(-1)?.args).toMatch(/^\[/);
    expect(ops(runtime, 'CMD').at(-1)?.words[0]).toBe('node');
  });

  it('passes its own HEALTHCHECK command', () => {
    const [command, ...args] = healthcheckCommand(ops(runtime, 'HEALTHCHECK')[0]!);
    expect(() => execFileSync(command === 'node' ? process.execPath : command!, args, { env: runEnv, stdio: 'pipe', timeout: 10_000 })).not.toThrow();
  });

  it('fails its HEALTHCHECK command when nothing answers', async () => {
    const [command, ...args] = healthcheckCommand(ops(runtime, 'HEALTHCHECK')[0]!);
    const env = { ...runEnv, PORT: String(await freePort()) };
    expect(() => execFileSync(command === 'node' ? process.execPath : command!, args, { env, stdio: 'pipe', timeout: 10_000 })).toThrow();
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
    const out = execFileSync(process.execPath, ['dist/cli.js', 'contract', 'guesty', '--base-url', url], { cwd: image.dir, env: runEnv, encoding: 'utf8', timeout: 60_000 });
    expect(out).toMatch(/^\d+ passed, 0 failed/m);
  });

  it('imports only production dependencies from its built code', () => {
    const imported = importedPackages(join(image.dir, 'dist'));
    expect(imported).toContain('express');
    for (const name of imported) {
      expect(Object.keys(pkg.dependencies), `dist/ imports ${name}`).toContain(name);
      expect(existsSync(join(image.dir, 'node_modules', name)), `${name} installed in the image`).toBe(true);
    }
  });

  it('holds no development dependency and no sources', () => {
    // The lockfile marks what only development needs with "dev": true; none of it may reach the image.
    const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => path && entry.dev).map(([path]) => path);
    expect(devOnly.length).toBeGreaterThan(0);
    for (const path of devOnly) expect(existsSync(join(image.dir, path)), path).toBe(false);
    expect(existsSync(join(image.dir, 'node_modules', 'express'))).toBe(true);
    expect(existsSync(join(image.dir, 'src'))).toBe(false);
  });

  // Last, as it ends the server the tests above talk to.
  it('exits 0 on SIGTERM, as docker stop sends', async () => {
    child!.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 10_000))]);
    expect(code, output).toBe(0);
  });
});
