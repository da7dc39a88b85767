import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.js';

const app = (trustProxy: boolean): express.Express => express().get('/', (req, res) => void res.send(clientAddress(req, trustProxy)));

describe('clientAddress', () => {
  it('is the socket address, whatever X-Forwarded-For says, with the trust-proxy setting off', async () => {
    const res = await request(app(false)).get('/').set('X-Forwarded-For', '203.0.113.9');
    expect(res.text).toMatch(/^(127\.0\.0\.1|::1)$/);
  });

  it('is the first X-Forwarded-For entry with the trust-proxy setting on', async () => {
    const res = await request(app(true)).get('/').set('X-Forwarded-For', '203.0.113.9, 10.0.0.1');
    expect(res.text).toBe('203.0.113.9');
  });

  it('falls back to the socket address when a trusted request has no X-Forwarded-For', async () => {
    const res = await request(app(true)).get('/');
    expect(res.text).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
