// Seed data made in a worker thread. faker and its locale tables are about 3 MB of live heap, and under load V8 lets the old generation
// grow to several times what is live, so keeping them out of the serving thread is worth a multiple of that in resident memory. Each
// job's result comes back as one message that stays serialized, off the JS heap, until its provider first takes it: a provider nobody
// calls never holds its data. The jobs of one sandbox share one worker, started when the server listens (or by the first take).
import { performance } from 'node:perf_hooks';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SeedMessage, SeedThreadJob } from './seed-thread.js';

export interface SeedJob<T> {
  /** The job's result; waits for the worker when it has not posted it yet. */
  take(): T;
}

/** A module namespace already imported in this thread, for running a job here instead (see `job`). */
export type LocalModule = Record<string, unknown>;

/** Far more than any seed takes; only a worker that died without a word gets here. */
const WAIT_LIMIT_MS = 60_000;

export class SeedWorker {
  private pending: Array<Omit<SeedThreadJob, 'port'> & { port: MessagePort }> = [];
  private readonly posted = new Int32Array(new SharedArrayBuffer(4));
  private failure: string | undefined;
  private exited: Promise<void> = Promise.resolve();

  /**
   * A job: `module`'s export `exportName` called with `args` (structured-cloneable, like its result). With `local` (the module already
   * imported here, as a provider does when running from its TypeScript sources, which a worker cannot load) it runs in this thread on
   * first `take` instead.
   */
  job<T>(module: URL, exportName: string, args: unknown[], local?: LocalModule): SeedJob<T> {
    if (local) {
      let value: { v: T } | undefined;
      return {
        take: () => {
          value ??= { v: (local[exportName] as (...a: unknown[]) => T)(...args) };
          return value.v;
        },
      };
    }
    const { port1, port2 } = new MessageChannel();
    this.pending.push({ module: module.href, exportName, args, port: port2 });
    // The message once received, a failure included: taking again answers the same, never waits on a port already read.
    let message: SeedMessage | undefined;
    return {
      take: () => {
        message ??= this.receive(port1);
        if ('error' in message) throw new Error(`seeding (${exportName}) failed in the seed worker: ${message.error}`);
        return message.value as T;
      },
    };
  }

  /** Starts a worker on the jobs asked for since the last start (none: nothing to do). */
  start(): void {
    if (this.pending.length === 0) return;
    const jobs = this.pending;
    this.pending = [];
    const worker = new Worker(new URL('./seed-thread.js', import.meta.url), { workerData: { jobs, posted: this.posted }, transferList: jobs.map((j) => j.port) });
    worker.unref();
    worker.on('error', (err) => (this.failure = err.stack ?? err.message));
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.exited = Promise.all([this.exited, exited]).then(() => undefined);
  }

  /** Resolves once every job started so far has posted its result (or failed), without taking any. */
  settled(): Promise<void> {
    return this.exited;
  }

  private receive(port: MessagePort): SeedMessage {
    this.start(); // this job's, if it is still waiting for a worker
    const until = performance.now() + WAIT_LIMIT_MS;
    for (;;) {
      const seen = Atomics.load(this.posted, 0);
      const got = receiveMessageOnPort(port);
      if (got) {
        port.close();
        return got.message as SeedMessage;
      }
      if (this.failure !== undefined) return { error: `the worker failed: ${this.failure}` };
      if (performance.now() > until) return { error: `the worker posted nothing in ${WAIT_LIMIT_MS / 1000} s` };
      // Blocks this thread until the worker posts its next result: the request that needs the data cannot be answered without it.
      Atomics.wait(this.posted, 0, seen, 100);
    }
  }
}
