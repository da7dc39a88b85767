// The sandbox the fuzz runs against, in this process, with its credentials, targets, error styles and baseline.
// Started with rate limits off and a frozen clock; reset before each batch, and started afresh when a batch left it answering a well-formed
// request differently.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '../../../src/core/provider.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox.js';
import { originCredentials, type OriginCredentials } from './authentication.js';
import { baselineDrift, baselineRequests, recordBaseline, type BaselineAnswer } from './baseline.js';
import { describeAnswer, type ErrorStyle } from './checks.js';
import { catalogueShapes, distinct, documentShapes, moduleShapes, type Shape } from './error-shapes.js';
import { closeRawConnections, sendRaw, type RawAnswer, type RawRequest } from './raw-http.js';
import { adminTargets, originTargets, type Target } from './targets.js';

/** Around the seeded stays, as the other suites freeze it. */
export const FROZEN_AT = '2026-11-01T09:00:00.000Z';

/** One signing key for every sandbox the fuzz starts, so the tokens fetched once (Guesty allows five a day) work in each of them. */
function signingKeyFile(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pms-sandbox-fuzz-'));
  const file = join(dir, 'signing-key.pem');
  writeFileSync(file, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function boot(keyFile: string): Promise<RunningSandbox> {
  const running = await startSandbox({ rateLimits: false, logLevel: 'silent', signingKeyFile: keyFile });
  running.clock.freeze(FROZEN_AT);
  return running;
}

/** Per origin: its catalogue's bodies, its provider's errors.ts bodies, and the 4xx bodies its document declares. */
async function errorStyles(running: RunningSandbox, targets: readonly Target[]): Promise<Map<string, Shape[]>> {
  const styles = new Map<string, Shape[]>();
  for (const provider of running.sandbox.providers) {
    // Every provider keeps its error catalogue in src/mocks/<id>/errors.ts (the house shape); a URL, since the id is only known here.
    const module = (await import(new URL(`../../../src/mocks/${provider.id}/errors.ts`, import.meta.url).href)) as Record<string, unknown>;
    const documented = moduleShapes(module, `${provider.id} errors.ts`);
    for (const mount of provider.origins) {
      const own = targets.filter((t) => t.origin === mount.origin && t.operation);
      const reader = own[0]?.reader;
      styles.set(mount.origin, distinct([...catalogueShapes(mount.errors ?? provider.errors, mount.origin), ...documented, ...(reader ? documentShapes(reader, own.map((t) => t.operation!), mount.origin) : [])]));
    }
  }
  return styles;
}

export class FuzzSandbox {
  private dirty = false;

  private constructor(
    private running: RunningSandbox,
    private readonly key: { file: string; remove: () => void },
    readonly originCredentials: OriginCredentials,
    readonly providers: readonly Provider[],
    readonly targets: readonly Target[],
    private readonly styles: Map<string, Shape[]>,
    readonly baseline: readonly BaselineAnswer[],
  ) {}

  /** The baseline is answered by a sandbox of its own: the one fuzzed first has answered nothing yet, Prism included. */
  static async start(): Promise<FuzzSandbox> {
    const key = signingKeyFile();
    const reference = await boot(key.file);
    const credentials = await originCredentials(reference);
    const admin = (await (await fetch(`${reference.url}/__sandbox/openapi.json`)).json()) as Record<string, unknown>;
    const targets = [...originTargets(reference.sandbox.providers), ...adminTargets(admin)];
    const baseline = await recordBaseline(reference.url, baselineRequests(targets, credentials));
    const styles = await errorStyles(reference, targets);
    await reference.close();
    return new FuzzSandbox(await boot(key.file), key, credentials, reference.sandbox.providers, targets, styles, baseline);
  }

  styleOf(target: Target): ErrorStyle {
    return target.kind === 'admin' ? 'problem+json' : (this.styles.get(target.origin) ?? []);
  }

  /**
   * Before a batch: the seed state and the frozen clock; in a new sandbox if the last batch left this one changed, and before the first
   * batch aimed at a Prism-answered operation, so what Prism keeps from the first request it answers shows in the baseline after it.
   */
  async fresh(target: Target, first: boolean): Promise<void> {
    if (this.dirty || (first && target.prism)) {
      await this.running.close();
      this.running = await boot(this.key.file);
      this.dirty = false;
    }
    this.running.reset();
    this.running.clock.freeze(FROZEN_AT);
  }

  send(request: RawRequest): Promise<RawAnswer> {
    return sendRaw(this.running.url, request);
  }

  /**
   * After a batch: the journal read back (it holds what the batch sent), `POST /__sandbox/reset`, the clock back where it stood, and the
   * baseline asked again; what differs, one line each.
   */
  async drift(): Promise<string[]> {
    const journal = await sendRaw(this.running.url, { method: 'GET', path: '/__sandbox/journal', headers: [['Accept', 'application/json']] });
    const reset = await sendRaw(this.running.url, { method: 'POST', path: '/__sandbox/reset', headers: [] });
    this.running.clock.freeze(FROZEN_AT);
    const drift = [
      ...(journal.status === 200 ? [] : [`GET /__sandbox/journal, reading back this batch, answers ${describeAnswer(journal)}`]),
      ...(reset.status === 200 ? [] : [`POST /__sandbox/reset answers ${describeAnswer(reset)}`]),
      ...(await baselineDrift(this.running.url, this.baseline)),
    ];
    if (drift.length > 0) this.dirty = true;
    return drift;
  }

  async close(): Promise<void> {
    closeRawConnections();
    await this.running.close();
    this.key.remove();
  }
}
