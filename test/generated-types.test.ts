// Guards src/generated/<provider>.ts against drifting from openapi/<provider>.yaml: each is regenerated in memory, as `openapi-typescript <spec> -o <file>` would write it, and compared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url);
/** Served by the admin API from code, not generated into types. */
const NOT_GENERATED = new Set(['sandbox-admin']);

const providers = readdirSync(new URL('openapi/', ROOT))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length))
  .filter((name) => !NOT_GENERATED.has(name))
  .sort();

async function generate(spec: URL): Promise<string> {
  return `${COMMENT_HEADER}${astToString(await openapiTS(spec, { silent: true }))}`;
}

describe('generated OpenAPI types', () => {
  it('cover at least the Guesty document', () => {
    expect(providers).toContain('guesty');
  });

  it.each(providers)('src/generated/%s.ts matches openapi/%s.yaml', async (provider) => {
    const spec = new URL(`openapi/${provider}.yaml`, ROOT);
    const output = new URL(`src/generated/${provider}.ts`, ROOT);
    const regenerate = `npx openapi-typescript openapi/${provider}.yaml -o src/generated/${provider}.ts`;
    expect(existsSync(output), `${fileURLToPath(output)} is missing; run: ${regenerate}`).toBe(true);
    const committed = readFileSync(output, 'utf8');
    const fresh = await generate(spec);
    expect(committed === fresh, `src/generated/${provider}.ts is stale; run: ${regenerate}`).toBe(true);
  });
});
