// seeds/000's examples, verbatim with only the origin replaced: the personal access token call with curl -u, and the OAuth app's call with
// `Authorization: bearer at_foobarbaz` and its User-Agent, both as curl and as the headers the document lists.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { APP_ORIGIN, appBase, EXAMPLE_ACCESS_TOKEN, EXAMPLE_USER_AGENT, ownerrezCredentials, WYLIE, WYLIE_TOKEN } from './support/ownerrez.js';
import { shellWords } from './support/shell.js';

const run = promisify(execFile);

const CURL_PERSONAL_ACCESS_TOKEN = 'curl -u wylie@acme.com:pt_faaaast -i -X GET https://app.ownerrez.com/api/properties/lookup -H "Content-Type:application/json"';
const CURL_OAUTH =
  'curl -H "Authorization: bearer at_foobarbaz" -A "My Awesome App/1.0 (c_51234234)" -i -X GET https://app.ownerrez.com/api/properties/lookup -H "Content-Type: application/json"';

describe("OwnerRez's Authentication document, verbatim", () => {
  let sandbox: RunningSandbox;

  /** The status line and body of `curl -i`. */
  const curl = async (command: string): Promise<{ status: number; body: unknown; head: string }> => {
    const [program, ...args] = shellWords(command.replaceAll(APP_ORIGIN, appBase(sandbox)));
    expect(program).toBe('curl');
    const { stdout } = await run('curl', ['-s', ...args]);
    const [head, body] = stdout.split(/\r\n\r\n/, 2) as [string, string];
    return { status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head)?.[1]), head, body: JSON.parse(body) as unknown };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('seeds the example user, token, app and access token, wylie@acme.com first', () => {
    const creds = ownerrezCredentials(sandbox);
    expect(creds.users[0]).toMatchObject({ email: WYLIE, personalAccessToken: WYLIE_TOKEN });
    expect(creds.users.length).toBeGreaterThanOrEqual(3);
    for (const user of creds.users) expect(user.personalAccessToken).toMatch(/^pt_/);
    expect(creds.apps[0]).toMatchObject({ name: 'My Awesome App', clientId: 'c_51234234', clientSecret: expect.stringMatching(/^s_/), accessToken: EXAMPLE_ACCESS_TOKEN });
    for (const app of creds.apps) expect(app).toEqual(expect.objectContaining({ clientId: expect.stringMatching(/^c_/), clientSecret: expect.stringMatching(/^s_/), redirectUris: expect.any(Array), accessToken: expect.stringMatching(/^at_/) }));
  });

  it("answers the personal access token example (curl -u wylie@acme.com:pt_faaaast) with wylie's properties", async () => {
    const { status, body } = await curl(CURL_PERSONAL_ACCESS_TOKEN);
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect((body as unknown[]).length).toBeGreaterThan(20);
    expect((body as Array<Record<string, unknown>>)[0]).toEqual({ id: expect.any(Number), key: expect.any(String), name: expect.any(String), active: expect.any(Boolean), available: null });
  });

  it('answers the OAuth example (bearer at_foobarbaz with the User-Agent) with the same account', async () => {
    const pat = await curl(CURL_PERSONAL_ACCESS_TOKEN);
    const oauth = await curl(CURL_OAUTH);
    expect(oauth.status).toBe(200);
    expect(oauth.body).toEqual(pat.body);
  });

  it('answers the headers the document lists for the OAuth call, as fetch sends them', async () => {
    const res = await fetch(`${appBase(sandbox)}/api/properties/lookup`, {
      headers: { Authorization: `bearer ${EXAMPLE_ACCESS_TOKEN}`, 'User-Agent': EXAMPLE_USER_AGENT, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});
