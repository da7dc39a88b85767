// RS256 signing keys for JWT access and identity tokens (jose): generated at start or loaded from a PEM, published as a JWKS.
import { readFileSync } from 'node:fs';
import type { JWK, JWTPayload } from 'jose';
import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';

type Jose = typeof import('jose');
// jose is loaded with the keys, after the server listens, not on the start path.
let jose: Jose | undefined;
async function loadJose(): Promise<Jose> {
  jose ??= await import('jose');
  return jose;
}

type PrivateKey = CryptoKey | KeyObject;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The configured key file is unusable; the message names the file and what is wrong, in one line. */
export class SigningKeyFileError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`the signing key file ${file} ${problem}`);
    this.name = 'SigningKeyFileError';
  }
}

export class SigningKeys {
  private constructor(
    private readonly jose: Jose,
    private readonly privateKey: PrivateKey,
    private readonly publicJwk: JWK,
    readonly kid: string,
  ) {}

  static async generate(): Promise<SigningKeys> {
    const j = await loadJose();
    const { privateKey, publicKey } = await j.generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    return SigningKeys.from(j, privateKey, await j.exportJWK(publicKey));
  }

  static async fromPemFile(file: string): Promise<SigningKeys> {
    const j = await loadJose();
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch (err) {
      throw new SigningKeyFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    let privateKey: PrivateKey;
    let publicJwk: JWK;
    try {
      privateKey = await j.importPKCS8(pem, 'RS256', { extractable: true });
      publicJwk = await j.exportJWK(createPublicKey(pem));
    } catch {
      throw new SigningKeyFileError(file, 'is not a PKCS#8 PEM RSA private key (-----BEGIN PRIVATE KEY-----)');
    }
    return SigningKeys.from(j, privateKey, publicJwk);
  }

  private static async from(j: Jose, privateKey: PrivateKey, jwk: JWK): Promise<SigningKeys> {
    // An Okta- and IdentityServer-like kid: the RFC 7638 thumbprint of the public key.
    const kid = await j.calculateJwkThumbprint(jwk);
    return new SigningKeys(j, privateKey, { ...jwk, kid, alg: 'RS256', use: 'sig' }, kid);
  }

  /** Signs claims with a header of `{kid, alg}` in that order, as the providers' tokens show it. */
  sign(claims: JWTPayload, typ?: string): Promise<string> {
    return new this.jose.SignJWT(claims).setProtectedHeader({ kid: this.kid, alg: 'RS256', ...(typ ? { typ } : {}) }).sign(this.privateKey);
  }

  /** Checks the signature only; lifetimes are the provider's to judge against the virtual clock. */
  async verifySignature(token: string): Promise<JWTPayload | undefined> {
    // Strict compact form (RFC 7515 §7.1, base64url without padding): Node's decoder would let `==` or stray characters through.
    if (!COMPACT_JWS.test(token)) return undefined;
    try {
      const { payload } = await this.jose.compactVerify(token, this.publicJwk, { algorithms: ['RS256'] });
      return JSON.parse(new TextDecoder().decode(payload)) as JWTPayload;
    } catch {
      return undefined;
    }
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }
}

/** Creates the keys on first use, so generating them stays off the start-up path. */
export class KeyRing {
  private keys: Promise<SigningKeys> | undefined;

  constructor(private readonly pemFile?: string) {}

  /** A configured key file is loaded now, so an unusable one stops the start before the server listens; generated keys wait. */
  async check(): Promise<void> {
    if (this.pemFile) await this.ready();
  }

  ready(): Promise<SigningKeys> {
    this.keys ??= this.pemFile ? SigningKeys.fromPemFile(this.pemFile) : SigningKeys.generate();
    return this.keys;
  }
}
