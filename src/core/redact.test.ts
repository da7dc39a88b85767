import { describe, expect, it } from 'vitest';
import { redact, redactHeaders, redactText, redactUrl, REDACTED } from './redact.js';

describe('redaction', () => {
  it('hides secret-named fields at any depth, whatever their case or separator', () => {
    const out = redact({ client_id: 'id', client_secret: 's3cret', nested: { clientSecret: 'x', Password: 'p', list: [{ refresh_token: 'r' }] } });
    expect(out).toEqual({ client_id: 'id', client_secret: REDACTED, nested: { clientSecret: REDACTED, Password: REDACTED, list: [{ refresh_token: REDACTED }] } });
  });

  it('hides authorization and cookie headers', () => {
    expect(redactHeaders({ authorization: 'Bearer abc', cookie: 'a=b', accept: 'application/json' })).toEqual({ authorization: REDACTED, cookie: REDACTED, accept: 'application/json' });
  });

  it('hides secret query parameters', () => {
    expect(redactUrl('/cb?code=1&access_token=abc')).toBe(`/cb?code=1&access_token=${encodeURIComponent(REDACTED)}`);
  });

  it('hides secrets in raw JSON, form and XML bodies', () => {
    expect(redactText('{"access_token":"eyJ","scope":"open-api"}', 'application/json')).toEqual({ access_token: REDACTED, scope: 'open-api' });
    expect(redactText('grant_type=client_credentials&client_secret=abc', 'application/x-www-form-urlencoded')).toEqual({ grant_type: 'client_credentials', client_secret: REDACTED });
    expect(redactText('<auth><password>hunter2</password></auth>', 'application/xml')).toBe(`<auth><password>${REDACTED}</password></auth>`);
  });
});
