// Locates files shipped with the package (openapi/, fixtures/): the same two levels up from src/core and from dist/core.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);

export function projectFile(...segments: string[]): string {
  return fileURLToPath(new URL(segments.join('/'), ROOT));
}

/** The OpenAPI document a provider is served from: `openapi/<provider>.yaml`. */
export function specFile(providerId: string): string {
  return projectFile('openapi', `${providerId}.yaml`);
}

/** A fixed record from `fixtures/<provider>/<name>.json` (the documents' example accounts and credentials). */
export function loadFixture<T>(providerId: string, name: string): T {
  return JSON.parse(readFileSync(projectFile('fixtures', providerId, `${name}.json`), 'utf8')) as T;
}
