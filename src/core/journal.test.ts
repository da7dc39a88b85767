import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';
import { Journal } from './journal.js';

function appWith(journal: Journal): express.Express {
  const app = express();
  journal.install(app, () => 'test', (path) => path.startsWith('/skip'));
  app.get('/big', (_req, res) => void res.type('text/plain').send('x'.repeat(200_000)));
  app.get('/token', (_req, res) => void res.json({ access_token: 'secret-token', scope: 'open-api' }));
  app.get('/skip', (_req, res) => void res.json({}));
  app.get('/headers', (_req, res) => void res.set('X-RateLimit-Remaining-Second', '14').cookie('sid', 'cookie-secret').cookie('theme', 'dark').json({ ok: true }));
  return app;
}

describe('Journal', () => {
  it('keeps at most its capacity, newest last', async () => {
    const journal = new Journal(new Clock(), 3);
    const app = appWith(journal);
    for (let i = 0; i < 5; i += 1) await request(app).get(`/token?i=${i}`);
    expect(journal.query().map((e) => e.url)).toEqual(['/token?i=2', '/token?i=3', '/token?i=4']);
    await request(app).get('/skip');
    expect(journal.size).toBe(3);
  });

  it('redacts what it hands out, and keeps one large body as a 64 KB prefix', async () => {
    const journal = new Journal(new Clock(), 10);
    const app = appWith(journal);
    await request(app).get('/token').set('Authorization', 'Bearer abc');
    await request(app).get('/big');
    const [token, big] = journal.query();
    expect(token!.responseBody).toEqual({ access_token: '[REDACTED]', scope: 'open-api' });
    expect(token!.requestHeaders.authorization).toBe('[REDACTED]');
    expect(String(big!.responseBody).length).toBeLessThan(70_000);
    expect(String(big!.responseBody)).toMatch(/…\[truncated\]$/);
  });

  it('records the headers as they crossed the wire: the request as sent, the response as written, secrets hidden', async () => {
    const journal = new Journal(new Clock(), 10);
    const app = appWith(journal);
    for (let i = 0; i < 2; i += 1) await request(app).get('/headers').set('Authorization', 'Bearer same-token').set('X-Trace', `t${i}`);
    const [first, second] = journal.query();
    expect(first!.requestHeaders).toMatchObject({ authorization: '[REDACTED]', 'x-trace': 't0' });
    expect(second!.requestHeaders).toMatchObject({ authorization: '[REDACTED]', 'x-trace': 't1' });
    expect(second!.responseHeaders).toMatchObject({ 'x-ratelimit-remaining-second': '14', 'content-type': 'application/json; charset=utf-8', 'set-cookie': '[REDACTED]' });
    expect(second!.responseHeaders.date).toMatch(/GMT$/);
    expect(JSON.stringify(journal.query())).not.toContain('same-token');
    expect(JSON.stringify(journal.query())).not.toContain('cookie-secret');
  });

  it('records no body for HEAD, where none crossed the wire', async () => {
    const journal = new Journal(new Clock(), 10);
    await request(appWith(journal)).head('/token');
    const [head] = journal.query();
    expect(head).toMatchObject({ method: 'HEAD', status: 200 });
    expect(head!.responseBody).toBeUndefined();
    expect(head!.responseHeaders['content-type']).toBe('application/json; charset=utf-8');
  });

  it('drops the bodies of the oldest entries once the bodies kept pass their budget, and says so', async () => {
    const journal = new Journal(new Clock(), 200);
    const app = appWith(journal);
    for (let i = 0; i < 80; i += 1) await request(app).get('/big');
    const entries = journal.query();
    expect(entries).toHaveLength(80);
    expect(entries[0]!.responseBody).toMatch(/^\[not kept/);
    expect(String(entries[79]!.responseBody)).toMatch(/^x+…\[truncated\]$/);
    const kept = entries.filter((e) => String(e.responseBody).startsWith('x'));
    const keptChars = String(kept[0]!.responseBody).length;
    expect(kept.length).toBe(Math.floor((4 * 1024 * 1024) / keptChars));
  });
});
