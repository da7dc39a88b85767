import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { KeyRing } from './signing-keys.js';

function pemFile(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = join(mkdtempSync(join(tmpdir(), 'pms-keys-')), 'key.pem');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return file;
}

describe('signing keys', () => {
  it('signs RS256 tokens with a kid that the published JWKS verifies', async () => {
    const keys = await new KeyRing().ready();
    const token = await keys.sign({ sub: 'client', exp: 4_102_444_800 });
    expect(decodeProtectedHeader(token)).toEqual({ kid: keys.kid, alg: 'RS256' });
    const [jwk] = keys.jwks().keys;
    expect(jwk).toMatchObject({ kid: keys.kid, alg: 'RS256', use: 'sig', kty: 'RSA' });
    expect(jwk).not.toHaveProperty('d');
    const { payload } = await jwtVerify(token, await importJWK(jwk!, 'RS256'));
    expect(payload.sub).toBe('client');
  });

  it('keeps the same key and kid across restarts when loaded from a PEM file', async () => {
    const file = pemFile();
    const [first, second] = [await new KeyRing(file).ready(), await new KeyRing(file).ready()];
    expect(first.kid).toBe(second.kid);
    expect(await second.verifySignature(await first.sign({ sub: 'x' }))).toMatchObject({ sub: 'x' });
  });

  it('rejects a token signed by another key, or tampered with', async () => {
    const [a, b] = [await new KeyRing().ready(), await new KeyRing().ready()];
    const token = await a.sign({ sub: 'x' });
    expect(await b.verifySignature(token)).toBeUndefined();
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from('{"sub":"admin"}').toString('base64url')}.${signature}`;
    expect(await a.verifySignature(forged)).toBeUndefined();
    expect(await a.verifySignature('not-a-jwt')).toBeUndefined();
  });
});
