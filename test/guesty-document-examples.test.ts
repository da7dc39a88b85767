// Every example in Guesty's "Authentication" document (seeds/003_c5a8eabe51a5d930.txt), run verbatim against the sandbox with only the origin replaced.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { jQueryFactory } from 'jquery/factory';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { shellWords } from './support/shell.js';

const run = promisify(execFile);
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const REAL_ORIGIN = 'https://open-api.guesty.com';

/** The document's "Sample Response" token, also sent by its "Using the Access Token" example. */
const SAMPLE_TOKEN =
  'eyJraWQiOiJydFFaWXhoTzBtNlllbWZaRnRBRXJORFVkWThZOFlPeGxndVZabmpJZVNvIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULlVWdkZ5NW5ES1h4SlBvUVUzbWN3ZS1ORXp0eHo0NWNQVktZVUFxM3V5RXMiLCJpc3MiOiJodHRwczovL2xvZ2luLmd1ZXN0eS5jb20vb2F1dGgyL2F1czFwOHFyaDUzQ2NRVEk5NWQ3IiwiYXVkIjoiaHR0cHM6Ly9vcGVuLWFwaS5ndWVzdHkuY29tIiwiaWF0IjoxNjU5NTM3NjUwLCJleHAiOjE2NTk2MjQwNTAsImNpZCI6IjBvYTViaWw0MzB4OHpMeldCNWQ3Iiwic2NwIjpbIm9wZW4tYXBpIl0sInJlcXVlc3RlciI6IkVYVEVSTkFMIiwiYWNjb3VudElkIjoiNjJhMDZkMmYyMjUxMzAwMDM1OWVlODkzIiwic3ViIjoiMG9hNWJpbDQzMHg4ekx6V0I1ZDciLCJ1c2VyUm9sZXMiOlt7InJvbGVJZCI6eyJwZXJtaXNzaW9ucyI6WyJhZG1pbiJdfX1dLCJyb2xlIjoidXNlciIsImlhbSI6InYzIiwibmFtZSI6IkNTIHwgVEEtMSB8IE1vc2hlIn0.LlZZUhM4WTsIsgmuqLasl-5WtNx0N8MvpmSGerSz5DpvO2AkcOhZAuYgPh1xqocGpwcKLMBokYvSyC0xRtptDEpaEY8X__ozvDS_UpUp2vKdtU2t-1ns7ut5qZlGhf6ffZAR0K1WXEb1081n-0Ms5qxfy1HbWkmyPUt0tgN-xAmRgnbSX01YELZ-_vovpitsxC0JYPPpBOi_w8kxlxsqKLWiFzDe5SpzBUYncjJEafISXzo5PNHEweHkvguXXM9xVXlNpE_q0DfQvQ41mn8TDnhUVtspscG3WmKV86k5QAjqHyYMJ2_2WOWRWrjfeyKc5ePC1HqCANRxOO7oS7dQcA';
const SAMPLE_IAT = 1_659_537_650;
const SAMPLE_EXP = 1_659_624_050;
/** The account the sample token belongs to. */
const EXAMPLE_ACCOUNT = { accountId: '62a06d2f22513000359ee893', name: 'CS | TA-1 | Moshe' };

// The document's examples, character for character.
const CURL_FORM_BODY = `curl --location --request POST 'https://open-api.guesty.com/oauth2/token' \\
--header 'Accept: application/json' \\
--header 'Content-Type: application/x-www-form-urlencoded' \\
--data-urlencode 'grant_type=client_credentials' \\
--data-urlencode 'scope=open-api' \\
--data-urlencode 'client_secret=<CLIENT_SECRET>' \\
--data-urlencode 'client_id=<CLIENT_ID>'`;

const CURL_BASIC = `curl --location --request POST 'https://open-api.guesty.com/oauth2/token' \\
--user '<CLIENT_ID>:<CLIENT_SECRET>' \\
--header 'Accept: application/json' \\
--header 'Content-Type: application/x-www-form-urlencoded' \\
--data-urlencode 'grant_type=client_credentials' \\
--data-urlencode 'scope=open-api'`;

const NODE_REQUEST = `var request = require('request');
var options = {
  'method': 'POST',
  'url': 'https://open-api.guesty.com/oauth2/token',
  'headers': {
    'Accept': 'application/json',
    'Content-Type': 'application/x-www-form-urlencoded'
  },
  form: {
    'grant_type': 'client_credentials',
    'scope': 'open-api',
    'client_secret': '<CLIENT_SECRET>',
    'client_id': '<CLIENT_ID>'
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});`;

const JQUERY_AJAX = `var settings = {
  "url": "https://open-api.guesty.com/oauth2/token",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Accept": "application/json",
    "Content-Type": "application/x-www-form-urlencoded"
  },
  "data": {
    "grant_type": "client_credentials",
    "scope": "open-api",
    "client_secret": "<CLIENT_SECRET>",
    "client_id": "<CLIENT_ID>"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});`;

const CURL_LISTINGS = `curl --location --request GET 'https://open-api.guesty.com/v1/listings' \\
--header 'accept: application/json' \\
--header 'Authorization: Bearer ${SAMPLE_TOKEN}'`;

/** The document's claims and header, decoded from its sample token. */
function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
  return { header: header!, claims: claims! };
}

describe("Guesty's Authentication document, verbatim", () => {
  let sandbox: RunningSandbox;
  let base: string;
  const withSandboxOrigin = (text: string): string => text.replaceAll(REAL_ORIGIN, base);

  const curl = async (command: string): Promise<string> => {
    const [program, ...args] = shellWords(withSandboxOrigin(command));
    expect(program).toBe('curl');
    return (await run('curl', args)).stdout;
  };
  /** What the sandbox answered the last request to `path`, as its journal recorded it. */
  const lastStatus = (path: string): number | undefined => sandbox.journal.query({ path }).at(-1)?.status;

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    base = sandbox.origins[REAL_ORIGIN]!;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  const expectSampleShape = (body: unknown): void => {
    const sample = decodeJwt(SAMPLE_TOKEN);
    expect(body).toEqual({ token_type: 'Bearer', expires_in: 86_400, access_token: expect.any(String), scope: 'open-api' });
    const { header, claims } = decodeJwt((body as { access_token: string }).access_token);
    expect(Object.keys(header)).toEqual(Object.keys(sample.header));
    expect(header.alg).toBe('RS256');
    expect(header.kid).toEqual(expect.any(String));
    expect(Object.keys(claims).sort()).toEqual(Object.keys(sample.claims).sort());
    expect(claims).toMatchObject({
      ver: 1,
      jti: expect.stringMatching(/^AT\./),
      iss: `${sandbox.origins['https://login.guesty.com']}/oauth2/aus1p8qrh53CcQTI95d7`,
      aud: 'https://open-api.guesty.com',
      iat: sandbox.clock.nowSeconds(),
      cid: '<CLIENT_ID>',
      scp: ['open-api'],
      requester: 'EXTERNAL',
      accountId: EXAMPLE_ACCOUNT.accountId,
      sub: '<CLIENT_ID>',
      userRoles: [{ roleId: { permissions: ['admin'] } }],
      role: 'user',
      iam: 'v3',
      name: EXAMPLE_ACCOUNT.name,
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(86_400);
  };

  it('issues a token to the cURL example with the credentials in the form body', async () => {
    const body = JSON.parse(await curl(CURL_FORM_BODY)) as unknown;
    expect(lastStatus('/open-api.guesty.com/oauth2/token')).toBe(200);
    expectSampleShape(body);
  });

  it('issues a token to the cURL example with the credentials in --user', async () => {
    const body = JSON.parse(await curl(CURL_BASIC)) as unknown;
    expect(lastStatus('/open-api.guesty.com/oauth2/token')).toBe(200);
    expectSampleShape(body);
  });

  it('issues a token to the node `request` example', async () => {
    const { stdout } = await run(process.execPath, ['-e', withSandboxOrigin(NODE_REQUEST)], { cwd: PROJECT_ROOT });
    expect(lastStatus('/open-api.guesty.com/oauth2/token')).toBe(200);
    expectSampleShape(JSON.parse(stdout));
  });

  it('issues a token to the jQuery $.ajax example in a page on the same origin', async () => {
    const virtualConsole = new VirtualConsole();
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: `${sandbox.url}/`, runScripts: 'outside-only', virtualConsole });
    const window = dom.window as unknown as Window & { $: JQueryStatic; eval(code: string): unknown };
    try {
      const logged = new Promise<unknown>((resolve, reject) => {
        virtualConsole.on('log', (value: unknown) => resolve(value));
        virtualConsole.on('jsdomError', reject);
        window.$ = jQueryFactory(window);
        window.$(window.document).on('ajaxError', (_event, xhr: JQuery.jqXHR) => reject(new Error(`$.ajax failed: ${xhr.status} ${xhr.responseText}`)));
        window.eval(withSandboxOrigin(JQUERY_AJAX));
      });
      // jQuery parsed the JSON in the page's realm; a JSON round trip brings it into this one.
      const response = JSON.parse(JSON.stringify(await logged)) as unknown;
      expect(lastStatus('/open-api.guesty.com/oauth2/token')).toBe(200);
      expectSampleShape(response);
    } finally {
      window.close();
    }
  });

  it("answers the listings example, sent with the document's expired sample token, with the exact 403", async () => {
    const stdout = await curl(CURL_LISTINGS);
    expect(lastStatus('/open-api.guesty.com/v1/listings')).toBe(403);
    expect(JSON.parse(stdout)).toEqual({ message: "You don't have permission to access, please contact Guesty support." });
  });

  it("serves the listings example to the sample token inside its lifetime, for the document's example account", async () => {
    sandbox.clock.set(SAMPLE_IAT * 1000);
    const body = JSON.parse(await curl(CURL_LISTINGS)) as { results: Array<{ accountId: string }>; count: number; limit: number; skip: number };
    expect(lastStatus('/open-api.guesty.com/v1/listings')).toBe(200);
    expect(body.count).toBeGreaterThan(0);
    expect(body.results.length).toBe(Math.min(body.count, body.limit));
    for (const listing of body.results) expect(listing.accountId).toBe(EXAMPLE_ACCOUNT.accountId);

    sandbox.clock.set((SAMPLE_EXP - 1) * 1000);
    await curl(CURL_LISTINGS);
    expect(lastStatus('/open-api.guesty.com/v1/listings')).toBe(200);

    sandbox.clock.set(SAMPLE_EXP * 1000);
    expect(JSON.parse(await curl(CURL_LISTINGS))).toEqual({ message: "You don't have permission to access, please contact Guesty support." });
    expect(lastStatus('/open-api.guesty.com/v1/listings')).toBe(403);
  });

  it("grants the document's Postman steps: Basic Auth with the client id and secret, a form body of grant_type and scope", async () => {
    const res = await fetch(`${base}/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('<CLIENT_ID>:<CLIENT_SECRET>').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api' }),
    });
    expect(res.status).toBe(200);
    expectSampleShape(await res.json());
  });
});
