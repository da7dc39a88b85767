// The live-target token cache: one file a (token endpoint base URL, client id), reused until 60 s before expiry, so contract runs never burn
// Guesty's five-tokens-a-day quota (seeds/003 Guesty Authentication, "Best Practices": cache the token for 24 hours).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A token is not reused in its last minute: a case could outlive it. */
export const EXPIRY_MARGIN_MS = 60_000;

interface CachedToken {
  baseUrl: string;
  clientId: string;
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAtMs: number;
}

export class FileTokenCache {
  /** `now` gives real epoch milliseconds (`new Clock().nowMs()`). */
  constructor(
    private readonly dir: string,
    private readonly now: () => number,
  ) {}

  /** The file holding a client's token; named by a hash, so neither the URL nor the client id shows in a directory listing. */
  private file(baseUrl: string, clientId: string): string {
    const key = createHash('sha256').update(`${baseUrl}\n${clientId}`).digest('hex').slice(0, 32);
    return join(this.dir, 'tokens', `${key}.json`);
  }

  async get(baseUrl: string, clientId: string): Promise<string | undefined> {
    let cached: Partial<CachedToken>;
    try {
      cached = JSON.parse(await readFile(this.file(baseUrl, clientId), 'utf8')) as Partial<CachedToken>;
    } catch {
      return undefined;
    }
    if (cached.baseUrl !== baseUrl || cached.clientId !== clientId || typeof cached.accessToken !== 'string' || typeof cached.expiresAtMs !== 'number') return undefined;
    return this.now() < cached.expiresAtMs - EXPIRY_MARGIN_MS ? cached.accessToken : undefined;
  }

  async put(baseUrl: string, clientId: string, accessToken: string, expiresInSeconds: number): Promise<void> {
    const file = this.file(baseUrl, clientId);
    await mkdir(join(this.dir, 'tokens'), { recursive: true, mode: 0o700 });
    const record: CachedToken = { baseUrl, clientId, accessToken, expiresAtMs: this.now() + expiresInSeconds * 1000 };
    // Written aside and renamed, so a run killed mid-write leaves no half a token behind.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    await rename(partial, file);
  }
}
