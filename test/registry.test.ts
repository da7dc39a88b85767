// Invariants of the provider registry (docs/provider-files.md): unique ids, the same files in every provider folder, each index.ts a
// ProviderDefinition whose `create` makes a whole Provider, a contract suite and a spec for each, no provider importing another, core
// importing no provider.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { contractSuite, contractSuiteIds } from '../src/contracts/registry.js';
import { createLogger } from '../src/core/log.js';
import { specFile } from '../src/core/project-files.js';
import type { Provider, ProviderDefinition } from '../src/core/provider.js';
import { registry } from '../src/mocks/registry.js';
import { createSandbox } from '../src/server.js';

const SRC = join(import.meta.dirname, '..', 'src');
const MOCKS = join(SRC, 'mocks');
const CORE = join(SRC, 'core');
const folders = readdirSync(MOCKS).filter((f) => statSync(join(MOCKS, f)).isDirectory()).sort();

/** The files every provider folder has, each in its role (docs/provider-files.md). */
const REQUIRED_FILES = ['index.ts', 'auth.ts', 'routes.ts', 'data.ts', 'errors.ts', 'admin.ts'];

type Kind = 'string' | 'array' | 'object' | 'object or undefined' | 'function';

/** Every field of `Provider` (src/core/provider.ts) and what it holds; the type check fails when `Provider` gains or loses one. */
const PROVIDER_FIELDS = {
  id: 'string',
  title: 'string',
  origins: 'array',
  spec: 'object or undefined',
  errors: 'object',
  credentials: 'function',
  admin: 'array',
  reset: 'function',
} as const satisfies Record<keyof Provider, Kind>;

function kindOf(value: unknown): Kind | 'undefined' | 'other' {
  if (Array.isArray(value)) return 'array';
  if (value === undefined) return 'undefined';
  if (value !== null && (typeof value === 'object' || typeof value === 'function' || typeof value === 'string')) return typeof value as Kind;
  return 'other';
}

function isDefinition(value: unknown): value is ProviderDefinition {
  return typeof value === 'object' && value !== null && typeof (value as ProviderDefinition).id === 'string' && typeof (value as ProviderDefinition).create === 'function';
}

/** What a provider folder's index.ts exports that has the shape of a ProviderDefinition. */
async function definitionsIn(folder: string): Promise<ProviderDefinition[]> {
  const module = (await import(pathToFileURL(join(MOCKS, folder, 'index.ts')).href)) as Record<string, unknown>;
  return Object.values(module).filter(isDefinition);
}

/** The Provider a definition makes when core assembles it, as the server does. */
function created(definition: ProviderDefinition): Provider {
  const sandbox = createSandbox(loadConfig({ providers: [] }), { providers: [definition], logger: createLogger('silent') });
  expect(sandbox.providers).toHaveLength(1);
  return sandbox.providers[0]!;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
}

describe('the provider registry', () => {
  it('lists every provider folder once, under its folder name', () => {
    const ids = registry.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(folders);
  });

  it('finds the same files in every provider folder', () => {
    for (const folder of folders) {
      const files = readdirSync(join(MOCKS, folder));
      for (const file of REQUIRED_FILES) expect(files, `src/mocks/${folder}/${file} is missing (docs/provider-files.md)`).toContain(file);
    }
  });

  it.each(folders)('finds in %s/index.ts the ProviderDefinition the registry lists', async (folder) => {
    const definitions = await definitionsIn(folder);
    expect(definitions.map((d) => d.id), `src/mocks/${folder}/index.ts exports one ProviderDefinition with id "${folder}"`).toEqual([folder]);
    expect(registry, `src/mocks/registry.ts lists the definition src/mocks/${folder}/index.ts exports`).toContain(definitions[0]);
  });

  it.each(folders)('makes from %s a value with every field of Provider', async (folder) => {
    const [definition] = await definitionsIn(folder);
    const provider = created(definition!) as unknown as Record<string, unknown>;
    for (const [field, kind] of Object.entries(PROVIDER_FIELDS)) {
      const found = kindOf(provider[field]);
      expect(kind === 'object or undefined' ? ['object', 'undefined'] : [kind], `${folder}: Provider.${field} is ${found}, not ${kind}`).toContain(found);
    }
    expect(provider.id).toBe(folder);
    const origins = provider.origins as Provider['origins'];
    expect(origins.length, `${folder} serves no origin`).toBeGreaterThan(0);
    for (const mount of origins) {
      expect(mount.origin, `${folder}: an origin is a URL as the documents write it`).toMatch(/^https:\/\//);
      expect(Array.isArray(mount.routes), `${folder}: ${mount.origin} has a route table`).toBe(true);
    }
  });

  it.each(folders)('finds the contract suite of %s through the registry', async (folder) => {
    expect(existsSync(join(SRC, 'contracts', folder, 'index.ts')), `src/contracts/${folder}/index.ts is missing`).toBe(true);
    const suite = await contractSuite(folder);
    expect(suite, `src/contracts/${folder}/index.ts exports no \`suite\``).toBeDefined();
    expect(suite!.provider).toBe(folder);
  });

  it('finds contract suites only for registered providers', async () => {
    expect([...contractSuiteIds()].sort()).toEqual(folders);
    expect(await contractSuite('airbnb')).toBeUndefined();
    expect(await contractSuite('../mocks/guesty')).toBeUndefined();
  });

  it.each(folders)('finds the OpenAPI document of %s in openapi/, the one it serves', async (folder) => {
    expect(existsSync(specFile(folder)), `openapi/${folder}.yaml is missing`).toBe(true);
    const [definition] = await definitionsIn(folder);
    const spec = created(definition!).spec;
    if (spec) expect(spec.file).toBe(specFile(folder));
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
    for (const file of sources(CORE)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '\.\.\/(mocks|contracts)\/|import\(['`]\.\.\/(mocks|contracts)\//);
  });

  it('reads the wall clock only in core/clock.ts', () => {
    for (const file of sources(SRC).filter((f) => !f.endsWith('.test.ts') && !f.endsWith(join('core', 'clock.ts')))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/Date\.now\(\)|new Date\(\)/);
    }
  });
});
