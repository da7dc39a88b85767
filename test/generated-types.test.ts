// Guards src/generated/<name>.ts against drifting from openapi/<name>.yaml, for every document there: each is regenerated in memory, as
// `npm run gen` (scripts/gen-types.mjs) writes it, and compared; a generated file whose document is gone is stale too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url);
const REGENERATE = 'run: npm run gen';

const named = (dir: string, extension: string): string[] =>
  readdirSync(new URL(dir, ROOT))
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length))
    .sort();

const documents = named('openapi/', '.yaml');

async function generate(spec: URL): Promise<string> {
  return `${COMMENT_HEADER}${astToString(await openapiTS(spec, { silent: true }))}`;
}

describe('generated OpenAPI types', () => {
  it('find the documents in openapi/', () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it('keep no generated file without its document', () => {
    expect(named('src/generated/', '.ts'), REGENERATE).toEqual(documents);
  });

  for (const name of documents) {
    it(`src/generated/${name}.ts matches openapi/${name}.yaml`, async () => {
      const output = new URL(`src/generated/${name}.ts`, ROOT);
      expect(existsSync(output), `${fileURLToPath(output)} is missing; ${REGENERATE}`).toBe(true);
      const fresh = await generate(new URL(`openapi/${name}.yaml`, ROOT));
      expect(readFileSync(output, 'utf8') === fresh, `src/generated/${name}.ts is stale; ${REGENERATE}`).toBe(true);
    });
  }
});
