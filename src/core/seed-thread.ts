// The seed worker's thread: imports each job's module, runs its export, and posts the result on the job's own port, in order, then ends.
// Its heap, faker and the locale tables among it, goes with the thread.
import { workerData, type MessagePort } from 'node:worker_threads';

export interface SeedThreadJob {
  module: string;
  exportName: string;
  args: unknown[];
  port: MessagePort;
}

export type SeedMessage = { value: unknown } | { error: string };

const { jobs, posted } = workerData as { jobs: SeedThreadJob[]; posted: Int32Array };

for (const job of jobs) {
  try {
    const module = (await import(job.module)) as Record<string, (...args: unknown[]) => unknown>;
    const make = module[job.exportName];
    if (typeof make !== 'function') throw new TypeError(`${job.module} exports no function ${job.exportName}`);
    job.port.postMessage({ value: await make(...job.args) } satisfies SeedMessage);
  } catch (err) {
    job.port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies SeedMessage);
  }
  // Wakes a serving thread that is already waiting for this job (SeedWorker's take).
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
}
