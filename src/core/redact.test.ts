import { describe, expect, it } from 'vitest';
import { redact, redactForm, redactHeaders, redactRequest, redactRequestText, redactText, redactUrl, REDACTED } from './redact.js';

describe('redaction', () => {
  it('hides secret-named fields at any depth, whatever their case or separator', () => {
    const out = redact({ client_id: 'id', client_secret: 's3cret', nested: { clientSecret: 'x', Password: 'p', list: [{ refresh_token: 'r' }] } });
    expect(out).toEqual({ client_id: 'id', client_secret: REDACTED, nested: { clientSecret: REDACTED, Password: REDACTED, list: [{ refresh_token: REDACTED }] } });
  });

  it('hides authorization and cookie headers', () => {
    expect(redactHeaders({ authorization: 'Bearer abc', cookie: 'a=b', accept: 'application/json' })).toEqual({ authorization: REDACTED, cookie: REDACTED, accept: 'application/json' });
  });

  it('hides secret query parameters, the authorization code among them', () => {
    expect(redactUrl('/cb?state=1&access_token=abc')).toBe(`/cb?state=1&access_token=${encodeURIComponent(REDACTED)}`);
    expect(redactUrl('/cb?code=ABC&state=s')).toBe(`/cb?code=${encodeURIComponent(REDACTED)}&state=s`);
  });

  it("hides the authorization code in a redirect's Location, and PKCE verifiers in bodies", () => {
    expect(redactHeaders({ location: 'http://localhost:3000/callback?code=ABC&state=s' })).toEqual({ location: `http://localhost:3000/callback?code=${encodeURIComponent(REDACTED)}&state=s` });
    expect(redact({ code_verifier: 'v', grant_type: 'authorization_code' })).toEqual({ code_verifier: REDACTED, grant_type: 'authorization_code' });
  });

  it('hides the authorization code of a token request form, but not a JSON error code', () => {
    expect(redactForm({ grant_type: 'authorization_code', code: 'ABC', client_secret: 's' })).toEqual({ grant_type: 'authorization_code', code: REDACTED, client_secret: REDACTED });
    expect(redactText('grant_type=authorization_code&code=ABC', 'application/x-www-form-urlencoded')).toEqual({ grant_type: 'authorization_code', code: REDACTED });
    expect(redact({ error: { code: 'NOT_FOUND' } })).toEqual({ error: { code: 'NOT_FOUND' } });
  });

  it("hides the authorization code in a redirect's body, plain or HTML", () => {
    expect(redactText('Found. Redirecting to https://app.example/cb?code=ABC&state=s', 'text/plain; charset=utf-8')).toBe(`Found. Redirecting to https://app.example/cb?code=${REDACTED}&state=s`);
    expect(redactText('<p>Found. Redirecting to <a href="https://app.example/cb?state=s&amp;code=ABC">', 'text/html')).toBe(`<p>Found. Redirecting to <a href="https://app.example/cb?state=s&amp;code=${REDACTED}">`);
  });

  it('hides secrets in raw JSON, form and XML bodies', () => {
    expect(redactText('{"access_token":"eyJ","scope":"open-api"}', 'application/json')).toEqual({ access_token: REDACTED, scope: 'open-api' });
    expect(redactText('grant_type=client_credentials&client_secret=abc', 'application/x-www-form-urlencoded')).toEqual({ grant_type: 'client_credentials', client_secret: REDACTED });
    expect(redactText('<auth><password>hunter2</password></auth>', 'application/xml')).toBe(`<auth><password>${REDACTED}</password></auth>`);
  });

  it('hides a secret at any depth, and hides whole what is nested past a thousand levels', () => {
    let nested: unknown = { password: 'p' };
    for (let i = 0; i < 40; i++) nested = { a: nested };
    expect(JSON.stringify(redact(nested))).not.toContain('"p"');
    let deeper: unknown = { note: 'not a secret' };
    for (let i = 0; i < 2000; i++) deeper = [deeper];
    expect(JSON.stringify(redact(deeper))).not.toContain('not a secret');
  });

  it('hides the authorization code in any request body, JSON or cut short, but not in responses', () => {
    expect(redactRequest({ auth: { type: 'oauth', code: 'aKXbU6aPdDB6TlqLYygl5CWy4A==' } })).toEqual({ auth: { type: 'oauth', code: REDACTED } });
    expect(redactRequestText('{"grant_type":"authorization_code","code":"433D"}')).toEqual({ grant_type: 'authorization_code', code: REDACTED });
    expect(redactRequestText('{"pad":"x","code":"433D","Client-Secret":"s","password":"cut-sho…[truncated]')).toBe(`{"pad":"x","code":"${REDACTED}","Client-Secret":"${REDACTED}","password":"${REDACTED}"`);
    expect(redactText('{"error":{"code":"NOT_FOUND"}}', 'application/json')).toEqual({ error: { code: 'NOT_FOUND' } });
  });
});
