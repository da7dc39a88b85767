// Benchmark, one run, loopback only: the sandbox's start time (spawn to first health 200), its Guesty `GET /v1/listings?limit=25`
// throughput, p99 and RSS, beside a bare Express 5 server (same bytes, same headers; the two load runs alternate in slices) and
// `prism mock` (same spec); and each provider request of ./provider-pairs.mjs (Entrata's getCustomers, OwnerRez's bookings list) beside
// bare Express the same way; see bench/README.md.
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { stop, track } from './children.mjs';
import { PROVIDER_PAIRS } from './provider-pairs.mjs';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SELF = fileURLToPath(import.meta.url);
const ROOT = join(dirname(SELF), '..');
const HOST = '127.0.0.1';
const LISTINGS = '/v1/listings?limit=25';
const SANDBOX_PREFIX = '/open-api.guesty.com';
const TARGETS = { expressRatio: 0.7, prismRatio: 1.5, startMs: 500, rssMb: 150, providers: Object.fromEntries(PROVIDER_PAIRS.map((p) => [p.name, p.ratioTarget])) };

// ---- child mode: the bare Express 5 baseline, run in its own process so it does not share autocannon's event loop ----
async function serveExpress() {
  // Listening before the first await: a message that arrives while no listener is attached is dropped.
  const config = once(process, 'message');
  const { default: express } = await import('express');
  const [{ port, path, status, rawHeaders, body }] = await config;
  const headers = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (/^(date|connection|keep-alive|transfer-encoding)$/i.test(name)) continue; // node's own, per response or per connection
    headers[name] = name in headers ? [].concat(headers[name], rawHeaders[i + 1]) : rawHeaders[i + 1];
  }
  const bytes = Buffer.from(body, 'base64');
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Any method: Entrata's services are POSTs. The baseline does not read the body it is sent; the sandbox parses and checks it.
  app.all(path, (_req, res) => {
    res.status(status);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.end(bytes);
  });
  app.listen(port, HOST, () => process.send({ listening: true }));
  process.on('disconnect', () => process.exit(0));
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      'start-runs': { type: 'string', default: '5' },
      rounds: { type: 'string', default: '5' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('node bench/guesty-listings.mjs [--duration <s>=10] [--connections <n>=50] [--rounds <n>=5] [--start-runs <n>=5] [--check]\n  --check  exit 1 when a target is missed');
    process.exit(0);
  }
  const whole = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`--${name} is a whole number from ${min} to ${max}`);
    return n;
  };
  const opts = { duration: whole('duration', 1, 120), connections: whole('connections', 1, 1000), rounds: whole('rounds', 1, 20), startRuns: whole('start-runs', 1, 20), check: values.check };
  if (opts.duration / opts.rounds < 1) throw new RangeError('--duration / --rounds is under a second: each slice of a round lasts at least one');
  return opts;
}

// Children are tracked, stopped and killed by ./children.mjs.

// ---- loopback helpers ----
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject).listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One request on a fresh connection; resolves with status 0 when nothing answers. */
function request(port, path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const req = http.request({ host: HOST, port, path, method, headers, agent: false, timeout: 5000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0 }));
    req.end(body);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ready` holds, every `everyMs`, at most `tries` times and `limitMs` in all; fails early when the child exits. */
async function waitFor(child, ready, everyMs, tries, limitMs) {
  const until = performance.now() + limitMs;
  for (let i = 0; i < tries && performance.now() < until; i += 1) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${child.name} exited (${child.exitCode ?? child.signalCode}) before it answered:\n${child.stderrText}`);
    if (await ready()) return;
    await sleep(everyMs);
  }
  throw new Error(`${child.name} did not answer within ${tries} tries / ${limitMs} ms:\n${child.stderrText}`);
}

function spawnSandbox(port, extra = []) {
  const args = [join(ROOT, 'dist', 'cli.js'), 'serve', '--port', String(port), '--host', HOST, '--log-level', 'warn', ...extra];
  return track(spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }), 'sandbox');
}

const healthy = (port) => async () => (await request(port, '/__sandbox/health')).status === 200;

// ---- the measurements ----
async function startTimes(runs) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawnSandbox(port);
    await waitFor(child, healthy(port), 5, 2000, 15_000);
    times.push(performance.now() - t0);
    await stop(child);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runsMs: times.map(round1), medianMs: round1(sorted[Math.floor(sorted.length / 2)]) };
}

async function token(port) {
  const creds = JSON.parse((await request(port, '/__sandbox/credentials')).body);
  const { clientId, clientSecret } = creds.guesty.openApi;
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: clientId, client_secret: clientSecret }).toString();
  const res = await request(port, `${SANDBOX_PREFIX}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form) }, body: form });
  if (res.status !== 200) throw new Error(`token request answered ${res.status}: ${res.body}`);
  return JSON.parse(res.body).access_token;
}

/** A run with any non-2xx answer, error or timeout measured something else than the listings: fail loudly, not a MISS. */
function assertClean(name, phase, r) {
  if (r.non2xx === 0 && r.errors === 0 && r.timeouts === 0) return;
  const statuses = Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`).join(', ');
  throw new Error(`${name} ${phase}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts of ${r.requests.total} requests (statuses: ${statuses || 'none'}); the figures would not be comparable`);
}

// ---- CPU accounting from /proc, in clock ticks (USER_HZ, 100 on Linux): who used the cores during a timed run ----
const TICK_MS = 10;
/** utime + stime of one process. */
function processTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd on; the name may hold spaces
  return Number(fields[11]) + Number(fields[12]);
}
/** Busy ticks of the whole machine (all but idle and iowait). */
function machineBusyTicks() {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return t.slice(0, 8).reduce((a, b) => a + b, 0) - t[3] - t[4];
}
const selfTicks = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000 / TICK_MS;
};

/** What autocannon sends to a target besides its URL: headers, and for a POST its method and body. */
const load = (target) => ({ headers: target.headers, ...(target.method ? { method: target.method, body: target.body } : {}) });

/** Warm-up, bounded by count: JIT, lazy modules and connection pools settle before the timed slices. */
async function warmUp(autocannon, target) {
  assertClean(target.name, 'warm-up', await autocannon({ url: target.url, connections: 10, amount: 2000, ...load(target) }));
}

/** One timed slice of one target, with the CPU its server, this script and every other process used meanwhile. */
async function slice(autocannon, target, opts, seconds) {
  const before = { server: processTicks(target.server.pid), self: selfTicks(), machine: machineBusyTicks(), at: performance.now() };
  const r = await autocannon({ url: target.url, connections: opts.connections, duration: seconds, ...load(target) });
  const wallMs = performance.now() - before.at;
  assertClean(target.name, 'timed run', r);
  const serverMs = (processTicks(target.server.pid) - before.server) * TICK_MS;
  const selfMs = (selfTicks() - before.self) * TICK_MS;
  const machineMs = (machineBusyTicks() - before.machine) * TICK_MS;
  return { requests: r.requests.total, seconds: r.duration, p99Ms: r.latency.p99, p50Ms: r.latency.p50, wallMs, serverMs, selfMs, machineMs, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
}

/** A target's slices summed: req/s over all its timed seconds, the worst slice's p99, the median slice's p50. */
function summary(name, slices) {
  const sum = (key) => slices.reduce((a, s) => a + s[key], 0);
  const wallMs = sum('wallMs');
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    name,
    reqPerSec: round1(sum('requests') / sum('seconds')),
    p99Ms: Math.max(...slices.map((s) => s.p99Ms)),
    p50Ms: median(slices.map((s) => s.p50Ms)),
    total: sum('requests'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    // CPU per answered request is steadier than req/s on a small, shared machine: it does not depend on who won the cores.
    serverCpuUsPerReq: Math.round((sum('serverMs') * 1000) / sum('requests')),
    serverCpuPct: Math.round((100 * sum('serverMs')) / wallMs),
    autocannonCpuPct: Math.round((100 * sum('selfMs')) / wallMs),
    otherCpuPct: Math.max(0, Math.round((100 * (sum('machineMs') - sum('serverMs') - sum('selfMs'))) / wallMs)),
    slicesReqPerSec: slices.map((s) => round1(s.requests / s.seconds)),
  };
}

/**
 * The sandbox and its Express baseline in alternating slices (sandbox, Express, sandbox, ...), `--duration` seconds each in all: whatever
 * else the machine does (another process, a slower host core) falls on both alike instead of on whichever ran while it happened.
 * `afterSandbox` runs once the sandbox's last slice ends, before the Express one that follows it.
 */
async function alternate(autocannon, sandbox, express, opts, afterSandbox) {
  const seconds = opts.duration / opts.rounds;
  const slices = { sandbox: [], express: [] };
  let after;
  for (let round = 0; round < opts.rounds; round += 1) {
    slices.sandbox.push(await slice(autocannon, sandbox, opts, seconds));
    if (round === opts.rounds - 1) after = afterSandbox();
    slices.express.push(await slice(autocannon, express, opts, seconds));
  }
  return { sandbox: summary('sandbox', slices.sandbox), express: summary('express', slices.express), after };
}

/** One target alone (Prism), in the same slices. */
async function alone(autocannon, target, opts) {
  const seconds = opts.duration / opts.rounds;
  const slices = [];
  for (let round = 0; round < opts.rounds; round += 1) slices.push(await slice(autocannon, target, opts, seconds));
  return summary(target.name, slices);
}

function vmStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1]);
  return { rssMb: round1(kb('VmRSS') / 1024), peakRssMb: round1(kb('VmHWM') / 1024) };
}

const round1 = (n) => Math.round(n * 10) / 10;
const round2 = (n) => Math.round(n * 100) / 100;

/** A provider's request (./provider-pairs.mjs) against its Express baseline of the same bytes, alternating as the Guesty pair does. */
async function providerPair(autocannon, opts, spec) {
  const port = await freePort();
  const server = spawnSandbox(port, ['--no-rate-limits']);
  await waitFor(server, healthy(port), 20, 750, 15_000);
  const { path, method, headers, body, answered } = await spec.prepare(request, port);
  const send = { headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) }, ...(method ? { method, body } : {}) };
  const captured = await request(port, path, send);
  if (!answered(captured.status, captured.body.toString('utf8'))) throw new Error(`the sandbox answered ${spec.name} with ${captured.status}: ${captured.body}`);
  const expressPort = await freePort();
  const baseline = track(fork(SELF, ['--serve-express'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }), 'express');
  const listening = once(baseline, 'message');
  baseline.send({ port: expressPort, path: path.split('?')[0], status: captured.status, rawHeaders: captured.rawHeaders, body: captured.body.toString('base64') });
  await Promise.race([listening, once(baseline, 'exit').then(() => Promise.reject(new Error(`express baseline exited:\n${baseline.stderrText}`)))]);
  const target = (name, child, p) => ({ name, server: child, url: `http://${HOST}:${p}${path}`, headers, ...(method ? { method, body } : {}) });
  const sandbox = target(spec.name, server, port);
  const express = target(`${spec.name}-express`, baseline, expressPort);
  await warmUp(autocannon, sandbox);
  await warmUp(autocannon, express);
  const pair = await alternate(autocannon, sandbox, express, opts, () => undefined);
  await stop(server);
  await stop(baseline);
  return { sandbox: { ...pair.sandbox, name: spec.name, bodyBytes: captured.body.length }, express: { ...pair.express, name: `${spec.name}-express`, bodyBytes: captured.body.length } };
}

async function main() {
  const opts = options();
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` (or `npm run bench`, which builds first)');
  // The whole run is bounded: start runs, three warm-ups and timed slices, two start-ups, with room to spare.
  const boundMs = opts.startRuns * 15_000 + 5 * (opts.duration + opts.rounds + 20) * 1000 + 120_000;
  setTimeout(() => {
    console.error(`bench: exceeded its ${boundMs / 1000} s bound; stopping`);
    process.exit(1);
  }, boundMs).unref();

  const { default: autocannon } = await import('autocannon');
  const loadBefore = os.loadavg();
  const startedAt = new Date().toISOString();
  const runs = {};

  console.error(`start time: ${opts.startRuns} cold starts to the first 200 of /__sandbox/health ...`);
  const start = await startTimes(opts.startRuns);

  console.error('sandbox (--no-rate-limits) and bare Express 5 (same bytes and headers), in alternating slices ...');
  const sandboxPort = await freePort();
  const sandboxServer = spawnSandbox(sandboxPort, ['--no-rate-limits']);
  await waitFor(sandboxServer, healthy(sandboxPort), 20, 750, 15_000);
  const auth = { authorization: `Bearer ${await token(sandboxPort)}` };
  const captured = await request(sandboxPort, `${SANDBOX_PREFIX}${LISTINGS}`, { headers: auth });
  if (captured.status !== 200) throw new Error(`the sandbox answered listings with ${captured.status}: ${captured.body}`);

  const expressPort = await freePort();
  const baseline = track(fork(SELF, ['--serve-express'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }), 'express');
  const listening = once(baseline, 'message');
  baseline.send({ port: expressPort, path: `${SANDBOX_PREFIX}/v1/listings`, status: captured.status, rawHeaders: captured.rawHeaders, body: captured.body.toString('base64') });
  await Promise.race([listening, once(baseline, 'exit').then(() => Promise.reject(new Error(`express baseline exited:\n${baseline.stderrText}`)))]);
  const echoed = await request(expressPort, `${SANDBOX_PREFIX}${LISTINGS}`, { headers: auth });
  if (!echoed.body.equals(captured.body)) throw new Error('the Express baseline does not answer the bytes the sandbox did');

  const sandbox = { name: 'sandbox', server: sandboxServer, url: `http://${HOST}:${sandboxPort}${SANDBOX_PREFIX}${LISTINGS}`, headers: auth };
  const express = { name: 'express', server: baseline, url: `http://${HOST}:${expressPort}${SANDBOX_PREFIX}${LISTINGS}`, headers: auth };
  await warmUp(autocannon, sandbox);
  await warmUp(autocannon, express);
  const pair = await alternate(autocannon, sandbox, express, opts, () => vmStatus(sandboxServer.pid));
  const memory = pair.after;
  runs.sandbox = { ...pair.sandbox, bodyBytes: captured.body.length };
  runs.express = { ...pair.express, bodyBytes: echoed.body.length };
  await stop(sandboxServer);
  await stop(baseline);

  const providerChecks = [];
  for (const spec of PROVIDER_PAIRS) {
    console.error(`${spec.title}, and bare Express 5 (same bytes and headers), in alternating slices ...`);
    const measured = await providerPair(autocannon, opts, spec);
    runs[spec.name] = measured.sandbox;
    runs[`${spec.name}Express`] = measured.express;
    const ratio = measured.sandbox.reqPerSec / measured.express.reqPerSec;
    providerChecks.push({ name: `${spec.name}/express req/s`, value: round2(ratio), target: `>= ${spec.ratioTarget}`, pass: ratio >= spec.ratioTarget });
  }

  console.error('prism mock openapi/guesty.yaml ...');
  const prismPort = await freePort();
  const prismBin = realpathSync(join(ROOT, 'node_modules', '.bin', 'prism'));
  const prismServer = track(spawn(process.execPath, [prismBin, 'mock', 'openapi/guesty.yaml', '-p', String(prismPort), '-h', HOST, '-v', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }), 'prism');
  const prismStart = performance.now();
  await waitFor(prismServer, async () => (await request(prismPort, LISTINGS, { headers: auth })).status !== 0, 50, 1200, 60_000);
  const prismStartMs = round1(performance.now() - prismStart);
  const prismAnswer = await request(prismPort, LISTINGS, { headers: auth });
  if (prismAnswer.status !== 200) throw new Error(`prism answered listings with ${prismAnswer.status}: ${prismAnswer.body}`);
  const prism = { name: 'prism', server: prismServer, url: `http://${HOST}:${prismPort}${LISTINGS}`, headers: auth };
  await warmUp(autocannon, prism);
  runs.prism = { ...(await alone(autocannon, prism, opts)), bodyBytes: prismAnswer.body.length, status: prismAnswer.status, startMs: prismStartMs };
  await stop(prismServer);

  const checks = [
    { name: 'sandbox/express req/s', value: round2(runs.sandbox.reqPerSec / runs.express.reqPerSec), target: `>= ${TARGETS.expressRatio}`, pass: runs.sandbox.reqPerSec / runs.express.reqPerSec >= TARGETS.expressRatio },
    ...providerChecks,
    { name: 'sandbox/prism req/s', value: round2(runs.sandbox.reqPerSec / runs.prism.reqPerSec), target: `>= ${TARGETS.prismRatio}`, pass: runs.sandbox.reqPerSec / runs.prism.reqPerSec >= TARGETS.prismRatio },
    { name: `start to first 200, median of ${opts.startRuns}`, value: start.medianMs, unit: 'ms', target: `< ${TARGETS.startMs} ms`, pass: start.medianMs < TARGETS.startMs, note: ` (runs: ${start.runsMs.join(', ')} ms)` },
    { name: 'sandbox RSS after its run', value: memory.rssMb, unit: 'MB', target: `< ${TARGETS.rssMb} MB`, pass: memory.rssMb < TARGETS.rssMb, note: ` (peak ${memory.peakRssMb} MB)` },
  ];
  const loadAfter = os.loadavg();
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadavgBefore: loadBefore.map(round2), loadavgAfter: loadAfter.map(round2) };

  const fmt = (n) => n.toLocaleString('en-US');
  console.log(`\nGuesty GET /v1/listings?limit=25 and ${PROVIDER_PAIRS.map((p) => p.name).join(', ')} — autocannon -c ${opts.connections}, ${opts.duration} s a target in ${opts.rounds} slices (sandbox and Express alternating), loopback, one run`);
  console.log(`node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), load average ${machine.loadavgBefore[0]} before, ${machine.loadavgAfter[0]} after\n`);
  console.log(`${'target'.padEnd(10)}${'req/s'.padStart(10)}${'p99 ms'.padStart(8)}${'p50 ms'.padStart(8)}${'body B'.padStart(8)}${'CPU µs/req'.padStart(12)}   CPU % server/autocannon/other  non-2xx/err/timeouts`);
  for (const run of Object.values(runs)) {
    const cpu = `${run.serverCpuPct}/${run.autocannonCpuPct}/${run.otherCpuPct}`;
    console.log(`${run.name.padEnd(10)}${fmt(run.reqPerSec).padStart(10)}${String(run.p99Ms).padStart(8)}${String(run.p50Ms).padStart(8)}${String(run.bodyBytes).padStart(8)}${fmt(run.serverCpuUsPerReq).padStart(12)}   ${cpu.padEnd(30)}${run.non2xx}/${run.errors}/${run.timeouts}`);
  }
  console.log(`(CPU %: of one core over the timed run, ${machine.cpus} cores = ${machine.cpus * 100}%; "other" is every other process on the machine)`);
  const slicesRatio = runs.sandbox.slicesReqPerSec.map((r, i) => round2(r / runs.express.slicesReqPerSec[i]));
  console.log(`(sandbox/Express req/s slice by slice: ${slicesRatio.join(', ')})`);
  console.log(`(prism answered ${runs.prism.status} with ${runs.prism.bodyBytes} bytes from the spec's example; it took ${prismStartMs} ms to answer after spawn)\n`);
  for (const c of checks) console.log(`${c.pass ? 'PASS' : 'MISS'}  ${c.name.padEnd(36)}${`${c.value}${c.unit ? ` ${c.unit}` : ''}`.padStart(10)}   target ${c.target}${c.note ?? ''}`);

  const results = { startedAt, options: opts, machine, targets: TARGETS, start, memory, runs, checks: checks.map(({ note: _n, ...c }) => c) };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten to bench/results/latest.json');
  if (opts.check && checks.some((c) => !c.pass)) process.exitCode = 1;
}

if (process.argv[2] === '--serve-express') await serveExpress();
else await main();
