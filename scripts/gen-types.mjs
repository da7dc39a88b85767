// `npm run gen`: writes src/generated/<name>.ts for every openapi/<name>.yaml, as `openapi-typescript <spec> -o <file>` would.
import { readdirSync, writeFileSync } from 'node:fs';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';

const ROOT = new URL('../', import.meta.url);

const names = readdirSync(new URL('openapi/', ROOT))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .sort();

for (const name of names) {
  const output = new URL(`src/generated/${name}.ts`, ROOT);
  const types = `${COMMENT_HEADER}${astToString(await openapiTS(new URL(`openapi/${name}.yaml`, ROOT), { silent: true }))}`;
  writeFileSync(output, types, 'utf8');
  process.stdout.write(`openapi/${name}.yaml → src/generated/${name}.ts\n`);
}
