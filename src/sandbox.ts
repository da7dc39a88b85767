// startSandbox: the sandbox in process on a free port, with its URLs, credentials, clock, faults, reset and close, for a user's own test suite.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig, type SandboxConfig } from './config.js';
import type { Clock } from './core/clock.js';
import type { Faults } from './core/faults/faults.js';
import type { Journal } from './core/journal.js';
import { createSandbox, type Sandbox } from './server.js';
import { verifySandbox } from './contracts/verify/engine.js';
import type { VerifyOptions, VerifyReport } from './contracts/verify/types.js';

export interface StartSandboxOptions extends Partial<SandboxConfig> {}

export interface RunningSandbox {
  /** The sandbox's base URL, e.g. http://127.0.0.1:53121 */
  url: string;
  /** Each real origin → its sandbox base URL (the same map as GET /__sandbox/origins). */
  origins: Record<string, string>;
  /** Seeded credentials keyed by provider id (the same as GET /__sandbox/credentials). */
  credentials: Record<string, unknown>;
  clock: Clock;
  journal: Journal;
  /** Faults injected into provider requests, the same as /__sandbox/faults: `add` checks a definition and throws a `FaultDefinitionError` naming the field. */
  faults: Faults;
  sandbox: Sandbox;
  /** The verdict on the clients in the journal, rule by rule, as POST /__sandbox/verify gives it; rejects with a VerifyInputError for bad options. */
  verify(options?: VerifyOptions): Promise<VerifyReport>;
  reset(): void;
  close(): Promise<void>;
}

/** Listens on the configured port, once what the configuration names (a signing key file) has been found usable. */
export async function listen(sandbox: Sandbox): Promise<Server> {
  await sandbox.keys.check();
  return new Promise((resolve, reject) => {
    const server = sandbox.app.listen(sandbox.config.port, sandbox.config.host, (err?: Error) => (err ? reject(err) : resolve(server)));
    server.on('error', reject);
  });
}

/** Starts the sandbox in this process; `port` defaults to a free one. Options not given come from the environment, then defaults. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const config = loadConfig({ port: 0, ...options });
  const sandbox = createSandbox(config);
  const server = await listen(sandbox);
  sandbox.warm();
  await sandbox.seeded();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = config.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    origins: sandbox.origins(url),
    credentials: sandbox.credentials(url),
    clock: sandbox.clock,
    journal: sandbox.journal,
    faults: {
      add: (spec) => sandbox.faults.add(spec),
      list: () => sandbox.faults.list(),
      remove: (id) => sandbox.faults.remove(id),
      clear: () => sandbox.faults.clear(),
    },
    sandbox,
    verify: (options = {}) => verifySandbox(sandbox, url, options),
    reset: () => sandbox.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
