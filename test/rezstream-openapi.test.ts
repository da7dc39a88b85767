// GET https://cloudapi.rezstream.com/openapi over real HTTP: JSON to a client that asks for application/json (as ASP.NET services answer),
// the YAML of openapi/rezstream.yaml to any other, and `Vary: Accept` on both, so a cache keeps the two apart.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { cloudBase } from './support/rezstream.js';

const YAML = readFileSync(new URL('../openapi/rezstream.yaml', import.meta.url), 'utf8');

describe('the rezStream Cloud API document at /openapi', () => {
  let sandbox: RunningSandbox;
  const openapi = (accept: string): Promise<Response> => fetch(`${cloudBase(sandbox)}/openapi`, { headers: { Accept: accept } });

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
  });
  afterAll(() => sandbox.close());

  it('answers JSON to Accept: application/json, the same document as the YAML', async () => {
    const res = await openapi('application/json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(res.headers.get('vary')).toBe('Accept');
    expect(await res.json()).toEqual(parse(YAML));
  });

  it('answers JSON where application/json is preferred among several types', async () => {
    const res = await openapi('application/json, text/plain, */*');
    expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect((await res.json()) as { openapi: string }).toMatchObject({ openapi: '3.1.0' });
  });

  it.each(['application/yaml', '*/*', 'text/html', 'application/yaml, application/json;q=0.5', 'application/json;q=0'])('answers the YAML file as written to Accept: %s', async (accept) => {
    const res = await openapi(accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/yaml\b/);
    expect(res.headers.get('vary')).toBe('Accept');
    expect(await res.text()).toBe(YAML);
  });
});
