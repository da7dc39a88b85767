// Invariants of the provider registry: unique ids, the same files in every provider folder, no provider importing another, core importing no provider.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../src/mocks/registry.js';

const MOCKS = join(import.meta.dirname, '..', 'src', 'mocks');
const CORE = join(import.meta.dirname, '..', 'src', 'core');
const folders = readdirSync(MOCKS).filter((f) => statSync(join(MOCKS, f)).isDirectory());

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
}

describe('the provider registry', () => {
  it('lists every provider folder once, under its folder name', () => {
    const ids = registry.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...folders].sort());
  });

  it('finds the same files in every provider folder', () => {
    for (const folder of folders) for (const file of ['index.ts', 'auth.ts', 'routes.ts', 'data.ts', 'errors.ts']) expect(readdirSync(join(MOCKS, folder)), `${folder}/${file}`).toContain(file);
  });

  it('keeps providers apart: none imports another', () => {
    for (const folder of folders) {
      for (const file of sources(join(MOCKS, folder))) {
        const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)].map((m) => m[1]!);
        for (const other of folders.filter((f) => f !== folder)) expect(imports.some((i) => i.startsWith(`../${other}/`)), `${file} imports ${other}`).toBe(false);
      }
    }
  });

  it('keeps core provider-agnostic: it imports nothing from mocks or contracts', () => {
    for (const file of sources(CORE)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '\.\.\/(mocks|contracts)\//);
  });

  it('reads the wall clock only in core/clock.ts', () => {
    const src = join(import.meta.dirname, '..', 'src');
    for (const file of sources(src).filter((f) => !f.endsWith('.test.ts') && !f.endsWith(join('core', 'clock.ts')))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/Date\.now\(\)|new Date\(\)/);
    }
  });
});
