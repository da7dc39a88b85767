// OpenAPI documents compiled from YAML to JSON at build time (parsing the YAML costs ~120 ms a provider); used only while the YAML is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { projectFile } from './project-files.js';

// The YAML parser is needed only when no compiled JSON matches, so it is not loaded at start.
const require = createRequire(import.meta.url);
const parse = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text) as unknown;

interface CompiledSpec {
  sourceSha256: string;
  document: Record<string, unknown>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function compiledFile(specFile: string): string {
  return projectFile('dist', 'openapi', `${basename(specFile).replace(/\.ya?ml$/, '')}.json`);
}

/** The parsed document: from the build's JSON when it was compiled from exactly this text, else parsed now. */
export function parseSpec(specFile: string): unknown {
  const text = readFileSync(specFile, 'utf8');
  const compiled = compiledFile(specFile);
  if (existsSync(compiled)) {
    const cached = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledSpec;
    if (cached.sourceSha256 === sha256(text)) return cached.document;
  }
  return parse(text);
}

/** Build step: compiles every `openapi/*.yaml` to `dist/openapi/*.json`. */
export function compileSpecs(): string[] {
  const dir = projectFile('openapi');
  mkdirSync(projectFile('dist', 'openapi'), { recursive: true });
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => {
      const file = projectFile('openapi', f);
      const text = readFileSync(file, 'utf8');
      const out = compiledFile(file);
      writeFileSync(out, JSON.stringify({ sourceSha256: sha256(text), document: parse(text) as Record<string, unknown> } satisfies CompiledSpec));
      return out;
    });
}
