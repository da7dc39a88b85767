// The command line from dist/, as users run it: help on every command, the origin map, and serve printing origins and credentials.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PORT: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('pms-sandbox CLI', () => {
  it('prints help for the program and each command', () => {
    expect(run('--help').stdout).toMatch(/serve[\s\S]*urls[\s\S]*contract/);
    expect(run('serve', '--help').stdout).toMatch(/--port[\s\S]*--seed[\s\S]*--providers/);
    expect(run('urls', '--help').stdout).toContain('--json');
    expect(run('contract', '--help').stdout).toMatch(/--base-url[\s\S]*--junit[\s\S]*--json/);
  });

  it('prints the origin map as JSON for the port given', () => {
    const { status, stdout } = run('urls', '--json', '--port', '4555');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ 'https://open-api.guesty.com': 'http://localhost:4555/open-api.guesty.com' });
  });

  it('refuses an unknown provider and a bad port with a clear message', () => {
    const unknown = run('urls', '--providers', 'airbnb');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('unknown provider(s) airbnb');
    expect(run('serve', '--port', 'eighty').stderr).toContain('a port is a whole number');
  });

  it('refuses a signing key file that is not a PKCS#8 RSA key in one line naming the file, before it listens', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pms-sandbox-key-'));
    const notAKey = join(dir, 'key.pem');
    writeFileSync(notAKey, '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
    const ecKey = join(dir, 'ec.pem');
    writeFileSync(ecKey, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    for (const [file, problem] of [[notAKey, 'is not a PKCS#8 PEM RSA private key'], [ecKey, 'is not a PKCS#8 PEM RSA private key'], [join(dir, 'absent.pem'), 'cannot be read (ENOENT)']] as const) {
      const result = spawnSync(process.execPath, [CLI, 'serve', '--port', '0'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, PORT: '', PMS_SANDBOX_SIGNING_KEY_FILE: file } });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`pms-sandbox: cannot start: the signing key file ${file} ${problem}${problem.startsWith('is') ? ' (-----BEGIN PRIVATE KEY-----)' : ''}\n`);
    }
  });

  it('serves, printing the origin map and the seeded credentials, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, PORT: '' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    for (let i = 0; i < 200 && !out.includes('"bookingEngine"'); i += 1) await new Promise((r) => setTimeout(r, 25));
    const url = /serving on (http:\/\/localhost:\d+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    expect(out).toContain(`https://open-api.guesty.com`);
    expect(out).toContain(`${url}/open-api.guesty.com`);
    expect((await fetch(`${url}/__sandbox/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
