// Profiles where the sandbox's time and memory go on the Guesty listings hot path (`GET /v1/listings?limit=25`), beside the
// bare Express 5 baseline of bench/guesty-listings.mjs answering the same bytes: a V8 CPU profile of each server process over
// the same timed autocannon run (warm-up excluded), put side by side in CPU µs per request, and each server's memory (RSS,
// heap as found and after a full GC). Loopback only, bounded in time, every child killed at the end, also on error.
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { stop, track } from './children.mjs';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench', 'guesty-listings.mjs');
const HOST = '127.0.0.1';
const OUT = join(ROOT, 'bench', 'results', 'profile');
const PREFIX = '/open-api.guesty.com';
const PATH = `${PREFIX}/v1/listings?limit=25`;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    top: { type: 'string', default: '25' },
    'heap-snapshot': { type: 'boolean', default: false },
  },
});
const duration = Math.min(60, Math.max(1, Number(values.duration) || 10));
const connections = Math.min(500, Math.max(1, Number(values.connections) || 50));
const top = Math.min(200, Math.max(5, Number(values.top) || 25));

setTimeout(() => {
  console.error('profile: exceeded its bound; stopping');
  process.exit(1);
}, (2 * duration + 90) * 1000).unref();

function request(port, path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, path, method, headers, agent: false, timeout: 5000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// Preloaded into each server: over the IPC channel it starts and stops the V8 profiler (so the profile covers the timed
// run only) and reports memory. It touches nothing on the request path.
const HOOK = join(OUT, 'hook.mjs');
writeFileSync(
  HOOK,
  `import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';
const session = new inspector.Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
const mb = (n) => +(n / 1048576).toFixed(1);
const usage = () => {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapTotalMb: mb(m.heapTotal), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
};
process.on('message', async (msg) => {
  if (!msg || typeof msg.profiler !== 'string') return;
  try {
    if (msg.profiler === 'start') {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 250 });
      await post('Profiler.start');
      process.send({ profiler: 'started' });
    } else if (msg.profiler === 'stop') {
      const { profile } = await post('Profiler.stop');
      writeFileSync(msg.file, JSON.stringify(profile));
      process.send({ profiler: 'stopped' });
    } else if (msg.profiler === 'memory') {
      const asFound = usage();
      globalThis.gc?.();
      const afterFullGc = usage();
      const snapshot = msg.snapshot ? v8.writeHeapSnapshot(msg.snapshot) : undefined;
      process.send({ profiler: 'memory', memory: { asFound, afterFullGc, ...(snapshot ? { snapshot } : {}) } });
    }
  } catch (err) {
    process.send({ profiler: 'error', message: String(err?.stack ?? err) });
  }
});
`,
);
const NODE_FLAGS = ['--expose-gc', '--import', pathToFileURL(HOOK).href];

function ask(child, message, answer) {
  return new Promise((resolve, reject) => {
    const onMessage = (m) => {
      if (m?.profiler === 'error') return done(reject, new Error(`${child.name}: ${m.message}`));
      if (m?.profiler === answer) done(resolve, m);
    };
    const onExit = (code) => done(reject, new Error(`${child.name} exited (${code}):\n${child.stderrText}`));
    const done = (f, v) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      f(v);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(message);
  });
}

function procRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { vmRssMb: +(kb('VmRSS') / 1024).toFixed(1), vmHwmMb: +(kb('VmHWM') / 1024).toFixed(1) };
}

async function memory(child, label) {
  const rss = procRss(child.pid);
  const snapshot = values['heap-snapshot'] ? join(OUT, `${child.name}-${label}.heapsnapshot`) : undefined;
  const { memory: m } = await ask(child, { profiler: 'memory', snapshot }, 'memory');
  return { ...rss, ...m };
}

async function startSandbox() {
  const child = track(
    spawn(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist', 'cli.js'), 'serve', '--port', '0', '--host', HOST, '--log-level', 'warn', '--no-rate-limits'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
    'sandbox',
  );
  child.stdout.setEncoding('utf8');
  let text = '';
  const port = await new Promise((resolve, reject) => {
    const onData = (d) => {
      text += d;
      const m = /serving on http:\/\/[^:/]+:(\d+)/.exec(text);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining whatever else it prints
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}):\n${child.stderrText}`)));
    setTimeout(() => reject(new Error('sandbox printed no URL within 15 s')), 15_000).unref();
  });
  return { child, port };
}

async function startExpress(captured) {
  const child = track(fork(BENCH, ['--serve-express'], { cwd: ROOT, execArgv: NODE_FLAGS, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }), 'express');
  const port = await new Promise((resolve, reject) => {
    const s = http.createServer().listen(0, HOST, () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
  // With the hook preloaded, the main module attaches its listener a turn or more after the channel opens, and a message
  // that arrives before then is dropped: the configuration is sent again until the baseline says it listens.
  const config = { port, path: `${PREFIX}/v1/listings`, status: captured.status, rawHeaders: captured.rawHeaders, body: captured.body.toString('base64') };
  let tries = 0;
  let timer;
  await new Promise((resolve, reject) => {
    child.on('message', (m) => m?.listening && resolve());
    child.once('exit', (code) => reject(new Error(`express baseline exited (${code}):\n${child.stderrText}`)));
    const send = () => {
      if (++tries > 50) return reject(new Error('express baseline did not listen after 50 tries'));
      child.send(config);
      timer = setTimeout(send, 200);
    };
    send();
  }).finally(() => clearTimeout(timer));
  return { child, port };
}

async function profileRun(autocannon, { child, port }, headers) {
  const url = `http://${HOST}:${port}${PATH}`;
  const warm = await autocannon({ url, connections: 10, amount: 2000, headers });
  if (warm.non2xx || warm.errors || warm.timeouts) throw new Error(`${child.name} warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors, ${warm.timeouts} timeouts`);
  const idleMemory = await memory(child, 'before');
  await ask(child, { profiler: 'start' }, 'started');
  const r = await autocannon({ url, connections, duration, headers });
  const file = join(OUT, `${child.name}.cpuprofile`);
  await ask(child, { profiler: 'stop', file }, 'stopped');
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${child.name} load run: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  const loadedMemory = await memory(child, 'after');
  return { name: child.name, reqPerSec: Math.round(r.requests.average), p99Ms: r.latency.p99, requests: r.requests.total, file, memory: { afterWarmUp: idleMemory, afterLoad: loadedMemory } };
}

// ---- reading a .cpuprofile: self and total time per function and per bucket (script or package) ----
const short = (url) => url.replace(`file://${ROOT}/`, '').replace(/^.*\/node_modules\//, 'nm/');
function bucketOf(frame) {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  if (url.startsWith('node:')) return 'node: internals';
  if (url.includes('/node_modules/')) {
    const rest = url.split('/node_modules/').pop().split('/');
    return `nm/${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  return short(url);
}
function analyse(run) {
  const profile = JSON.parse(readFileSync(run.file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fn = (n) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? `  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`;
  const self = new Map();
  const total = new Map();
  const buckets = new Map();
  let sampledUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const leaf = nodes.get(id);
    sampledUs += us;
    if (leaf.callFrame.functionName === '(idle)') idleUs += us;
    const b = bucketOf(leaf.callFrame);
    buckets.set(b, (buckets.get(b) ?? 0) + us);
    self.set(fn(leaf), (self.get(fn(leaf)) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = fn(nodes.get(at));
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + us);
      seen.add(k);
    }
  });
  const busyUs = sampledUs - idleUs;
  return { ...run, sampledUs, idleUs, busyUs, perReq: (us) => us / run.requests, self, total, buckets };
}

// ---- the run ----
const { default: autocannon } = await import('autocannon');
const sandbox = await startSandbox();
await new Promise((r) => setTimeout(r, 1500)); // warm() finishes its background steps
const creds = JSON.parse((await request(sandbox.port, '/__sandbox/credentials')).body).guesty.openApi;
const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret }).toString();
const tok = await request(sandbox.port, `${PREFIX}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form) }, body: form });
if (tok.status !== 200) throw new Error(`token: ${tok.status} ${tok.body}`);
const headers = { authorization: `Bearer ${JSON.parse(tok.body).access_token}` };
const captured = await request(sandbox.port, PATH, { headers });
if (captured.status !== 200) throw new Error(`listings: ${captured.status} ${captured.body}`);

console.error(`profiling the sandbox: ${connections} connections, ${duration} s ...`);
const sandboxRun = analyse(await profileRun(autocannon, sandbox, headers));
await stop(sandbox.child);
console.error('profiling the bare Express baseline, same bytes ...');
const express = await startExpress(captured);
const expressRun = analyse(await profileRun(autocannon, express, headers));
await stop(express.child);

const us = (n) => n.toFixed(1).padStart(8);
const lines = [];
lines.push(`GET ${PATH}, ${captured.body.length} B; autocannon -c ${connections} -d ${duration}; V8 sampling profiler at 250 µs over the timed run only (slows both)`);
for (const r of [sandboxRun, expressRun]) {
  lines.push(`${r.name.padEnd(8)} ${String(r.reqPerSec).padStart(6)} req/s, p99 ${r.p99Ms} ms, ${r.requests} requests; main thread busy ${us(r.perReq(r.busyUs))} µs/request (${Math.round((100 * r.busyUs) / r.sampledUs)}% of the run)`);
}
lines.push('\n-- main-thread CPU per request by script / package, µs (sandbox | express | difference) --');
const bucketNames = new Set([...sandboxRun.buckets.keys(), ...expressRun.buckets.keys()]);
bucketNames.delete('(idle)');
const rows = [...bucketNames].map((b) => [b, sandboxRun.perReq(sandboxRun.buckets.get(b) ?? 0), expressRun.perReq(expressRun.buckets.get(b) ?? 0)]).sort((a, b) => b[1] - b[2] - (a[1] - a[2]));
for (const [b, s, e] of rows.filter(([, s, e]) => Math.max(s, e) >= 1)) lines.push(`${us(s)} |${us(e)} |${us(s - e)}   ${b}`);
lines.push(`${us(sandboxRun.perReq(sandboxRun.busyUs))} |${us(expressRun.perReq(expressRun.busyUs))} |${us(sandboxRun.perReq(sandboxRun.busyUs) - expressRun.perReq(expressRun.busyUs))}   all (main thread, idle excluded)`);
const topOf = (r, m) =>
  [...m]
    .filter(([k]) => k !== '(idle)' && k !== '(root)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${us(r.perReq(v))} µs ${((100 * v) / r.busyUs).toFixed(1).padStart(5)}%  ${k}`);
lines.push(`\n-- sandbox: self time, top ${top} functions (µs/request, % of busy) --`, ...topOf(sandboxRun, sandboxRun.self));
lines.push(`\n-- sandbox: total (inclusive) time, top ${top} functions --`, ...topOf(sandboxRun, sandboxRun.total));
lines.push(`\n-- express baseline: total (inclusive) time, top ${Math.min(top, 15)} functions --`, ...topOf(expressRun, expressRun.total).slice(0, 15));
lines.push('\n-- memory (MB): VmRSS from /proc; heap as found and after a full GC --');
for (const r of [sandboxRun, expressRun]) {
  for (const [when, m] of Object.entries(r.memory)) {
    lines.push(`${r.name.padEnd(8)} ${when.padEnd(11)} RSS ${m.vmRssMb} (peak ${m.vmHwmMb}); heap used ${m.asFound.heapUsedMb} of ${m.asFound.heapTotalMb}, after GC ${m.afterFullGc.heapUsedMb} of ${m.afterFullGc.heapTotalMb}; external ${m.asFound.externalMb}${m.snapshot ? `; snapshot ${short(`file://${m.snapshot}`)}` : ''}`);
  }
}
const summary = lines.join('\n');
console.log(summary);
writeFileSync(join(OUT, 'summary.txt'), `${summary}\n`);
console.log(`\nwritten to bench/results/profile/ (open a .cpuprofile in Chrome DevTools › Performance, or speedscope)`);
