// Unit tests of the authorization endpoint's HTML interaction: the sign-in page, the consent page with the provider's picker, expiry on the clock.
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, EVIL_NAME, exchange, HTML, interactionOf, ISSUER, LIFETIMES, redirected, REDIRECT_URI, tinyServer, type TinyServer } from '../../../test/support/oauth2-server.js';

describe('the sign-in and consent pages', () => {
  let tiny: TinyServer;
  beforeEach(() => {
    tiny = tinyServer();
  });

  const start = async (params: Record<string, string> = {}): Promise<string> => {
    const res = await request(tiny.app).get(authorizeUrl(params));
    expect(res.status).toBe(200);
    return interactionOf(res.text);
  };
  const signIn = (interaction: string, username = 'ada', password = 'lovelace') => request(tiny.app).post('/login').type('form').send({ interaction, username, password });
  const decide = (interaction: string, form: Record<string, string | string[]>) => request(tiny.app).post('/consent').type('form').send({ interaction, ...form });

  it('shows the sign-in page, naming the client, when no decision is queued', async () => {
    const res = await request(tiny.app).get(authorizeUrl());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(HTML);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<strong>Tiny App</strong> asks to see your rooms.');
    expect(res.text).toMatch(/<form method="post" action="http:\/\/127\.0\.0\.1:\d+\/login">/);
    expect(interactionOf(res.text)).toMatch(/^[0-9A-F]{32}$/);
  });

  it('escapes a client name that carries markup', async () => {
    const res = await request(tiny.app).get(authorizeUrl({ client_id: 'evil', redirect_uri: 'https://evil.example/callback' }));
    expect(res.text).not.toContain(EVIL_NAME);
    expect(res.text).toContain('<strong>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</strong>');
  });

  it('renders the sign-in page again for a wrong password, keeping the username escaped', async () => {
    const interaction = await start();
    const res = await signIn(interaction, '<script>alert(1)</script>', 'guess');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<p class="error" role="alert">Invalid username or password.</p>');
    expect(res.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.text).not.toContain('<script>alert(1)');
    expect(interactionOf(res.text)).toBe(interaction);
    expect((await signIn(interaction, 'ada', 'turing')).text).toContain('Invalid username or password.');
  });

  it("shows the consent page with the provider's picker once the password is right", async () => {
    const res = await signIn(await start());
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Approve Tiny App</h1>');
    expect(res.text).toContain('Signed in as <strong>Ada Lovelace</strong>.');
    expect(res.text).toContain('<legend>Room to share</legend>');
    expect(res.text).toContain('<input type="radio" id="room-0" name="rooms" value="r1" checked>');
    expect(res.text).toContain('<input type="radio" id="room-1" name="rooms" value="r2">');
    expect(res.text).toContain('<li><strong>read</strong>: lets the app read</li><li><strong>offline</strong>: lets the app offline</li>');
  });

  it("preselects the provider's own parameter", async () => {
    const res = await signIn(await start({ room: 'r2' }));
    expect(res.text).toContain('value="r1">');
    expect(res.text).toContain('value="r2" checked>');
  });

  it('renders the consent page again with 400 for a choice the provider refuses', async () => {
    const interaction = await start();
    await signIn(interaction);
    for (const rooms of [['r3'], ['r1', 'r2']]) {
      const res = await decide(interaction, { decision: 'approve', rooms });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe(HTML);
      expect(res.text).toContain('<p class="error" role="alert">Pick one of your rooms.</p>');
      expect(interactionOf(res.text)).toBe(interaction);
    }
    expect((await decide(interaction, { decision: 'approve' })).status).toBe(400);
  });

  it('redirects an approval with a code the token endpoint exchanges', async () => {
    const interaction = await start({ nonce: 'n-7' });
    await signIn(interaction);
    const params = redirected(await decide(interaction, { decision: 'approve', rooms: 'r2' }));
    expect(params).toMatchObject({ scope: 'read offline', state: 'xyz', iss: ISSUER });
    const tokens = await exchange(tiny, params.code!);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ scope: 'read offline', nonce: 'n-7' });
  });

  it('redirects a denial with error=access_denied', async () => {
    const interaction = await start();
    await signIn(interaction);
    expect(redirected(await decide(interaction, { decision: 'deny' }))).toMatchObject({ error: 'access_denied', state: 'xyz', iss: ISSUER });
  });

  describe('shows as a page', () => {
    it('a decision before signing in', async () => {
      const res = await decide(await start(), { decision: 'approve', rooms: 'r1' });
      expect([res.status, res.headers['x-failure'], res.headers.location]).toEqual([400, 'not_signed_in', undefined]);
    });

    it('an interaction already completed, or never started', async () => {
      const interaction = await start();
      await signIn(interaction);
      redirected(await decide(interaction, { decision: 'approve', rooms: 'r1' }), REDIRECT_URI);
      expect((await decide(interaction, { decision: 'approve', rooms: 'r1' })).headers['x-failure']).toBe('interaction_expired');
      expect((await signIn('0123456789ABCDEF0123456789ABCDEF')).headers['x-failure']).toBe('interaction_expired');
    });

    it('an interaction older than its lifetime', async () => {
      const interaction = await start();
      tiny.clock.advance(LIFETIMES.interaction);
      const res = await signIn(interaction);
      expect([res.status, res.headers['x-failure']]).toEqual([400, 'interaction_expired']);
    });

    it('an interaction that expires between sign-in and consent', async () => {
      const interaction = await start();
      await signIn(interaction);
      tiny.clock.advance(LIFETIMES.interaction + 1);
      expect((await decide(interaction, { decision: 'approve', rooms: 'r1' })).headers['x-failure']).toBe('interaction_expired');
    });
  });
});
