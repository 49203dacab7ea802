#!/usr/bin/env node
// Reference benchmark: PouchDB push/pull against a local pouchdb-server (LevelDB on disk).
//
// Usage: node run.mjs --docs 10000 [--batch 1000] [--port 0]
//
// Starts pouchdb-server itself (on-disk LevelDB in a temp dir, 127.0.0.1, a free port unless --port
// is given), then:
//   1. fills a local in-memory PouchDB with N small contact-attempt docs,
//   2. times db.replicate.to(remote, {batch_size})            -> push_seconds,
//   3. times a fresh in-memory client's replicate.from(remote) -> pull_seconds,
//   4. checks that the server and both clients hold N docs (exit 1 otherwise),
//   5. prints one JSON object on stdout (diagnostics go to stderr),
//   6. always stops the server it started.
// Loopback only; fetches nothing at run time (run `npm ci` here beforehand).

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';

PouchDB.plugin(memoryAdapter);

const require = createRequire(import.meta.url);
const HOST = '127.0.0.1';
const log = (...a) => console.error('[bench/pouchdb]', ...a);

// ---------- arguments ----------
function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node run.mjs --docs N [--batch B] [--port P]   (P=0: pick a free port)');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { docs: 10000, batch: 1000, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') usage();
    const m = /^--(docs|batch|port)(?:=(.*))?$/.exec(a);
    if (!m) usage(`unknown argument ${a}`);
    const v = m[2] !== undefined ? m[2] : argv[++i];
    if (v === undefined || !/^\d+$/.test(v)) usage(`--${m[1]} needs a non-negative integer`);
    opts[m[1]] = Number(v);
  }
  if (opts.docs < 1) usage('--docs must be >= 1');
  if (opts.batch < 1) usage('--batch must be >= 1');
  if (opts.port > 65535) usage('--port must be <= 65535');
  return opts;
}

// ---------- workload ----------
// Deterministic PRNG so every run pushes the same bytes.
function mulberry32(seed) {
  return function () {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESULTS = ['NH', 'REF', 'MOVED', 'SUP', 'UND', 'OPP', 'INACC'];
const NOTES = ['left lit', 'call back', 'dog', 'spouse home', 'no answer', 'wants info'];
const CHANNELS = ['door', 'phone', 'text'];

function makeDocs(n) {
  const rnd = mulberry32(0xd00257e9);
  const hex = (len) => {
    let s = '';
    for (let i = 0; i < len; i++) s += Math.floor(rnd() * 16).toString(16);
    return s;
  };
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const t0 = Date.UTC(2024, 4, 4, 9, 0, 0);
  const docs = new Array(n);
  for (let i = 0; i < n; i++) {
    docs[i] = {
      _id: `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rnd() * 4)]}${hex(3)}-${hex(12)}`,
      person: `p-${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`,
      result: pick(RESULTS),
      ts: t0 + Math.floor(rnd() * 10 * 3600 * 1000), // epoch milliseconds
      note: pick(NOTES),
      channel: pick(CHANNELS),
    };
  }
  return docs;
}

// ---------- server lifecycle ----------
// Binds `want` (0 = any) on 127.0.0.1 and releases it, so a port that is
// already taken fails here instead of benchmarking someone else's server.
function freePort(want = 0) {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', (e) => reject(new Error(`port ${want} on ${HOST} is not free: ${e.code || e.message}`)));
    s.listen(want, HOST, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server = null; // { child, exited: Promise, workdir }

function startServer(port) {
  const pkgPath = require.resolve('pouchdb-server/package.json');
  const bin = join(dirname(pkgPath), 'bin', 'pouchdb-server');
  // pouchdb-server writes config.json and log.txt into its cwd: give it a
  // throw-away folder so nothing lands in the repo.
  const workdir = mkdtempSync(join(tmpdir(), 'doorstep-pouchdb-bench-'));
  const args = [
    bin,
    // No -m: the server keeps its databases on disk (LevelDB, in workdir),
    // as in the setup of shared/notes/sync-research.md and as Doorstep's
    // endpoint does. Clients stay in memory, as there.
    // -n (--no-stdout-logs): keep the per-request log off stdout (it still goes
    // to log.txt in workdir). The short flag is used because nomnom parses
    // "--no-stdout-logs" as a negation and leaves the option off.
    '-n',
    '--no-color',
    '--host', HOST,
    '--port', String(port),
    '--config', join(workdir, 'config.json'),
    '--dir', workdir,
  ];
  log(`starting: ${process.execPath} ${args.join(' ')} (cwd ${workdir})`);
  const child = spawn(process.execPath, args, {
    cwd: workdir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const relay = (buf) => {
    for (const line of buf.toString().split('\n')) if (line.trim()) log(`server: ${line}`);
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, sig })));
  server = { child, exited, workdir, done: false };
  exited.then(() => { server && (server.done = true); });
  return server;
}

async function waitForServer(url, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (server.done) throw new Error('pouchdb-server exited before it answered');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return await res.json();
      lastErr = new Error(`HTTP ${res.status}`);
    } catch (e) {
      lastErr = e;
    }
    await sleep(100);
  }
  throw new Error(`pouchdb-server did not answer at ${url} within ${timeoutMs} ms: ${lastErr?.message}`);
}

let stopping = null;
function stopServer() {
  // Memoised: the signal handler and main's finally may both call it.
  if (!stopping) stopping = stopServerImpl();
  return stopping;
}

async function stopServerImpl() {
  if (!server) return;
  const s = server;
  if (!s.done) {
    s.child.kill('SIGTERM');
    const r = await Promise.race([s.exited, sleep(5000).then(() => null)]);
    if (r === null) {
      log('server ignored SIGTERM; sending SIGKILL');
      s.child.kill('SIGKILL');
      await s.exited;
    }
  }
  try { rmSync(s.workdir, { recursive: true, force: true }); } catch { /* best effort */ }
  log('server stopped');
}

// Synchronous last resort if the process dies unexpectedly.
process.on('exit', () => {
  if (server && !server.done) { try { server.child.kill('SIGKILL'); } catch { /* ignore */ } }
});
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`got ${sig}; stopping server`);
    interrupted = true;
    stopServer().finally(() => process.exit(130));
  });
}

// ---------- benchmark ----------
async function remoteDocCount(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()).doc_count;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const N = opts.docs;
  const B = opts.batch;
  const pouchdbServerVersion = JSON.parse(
    readFileSync(require.resolve('pouchdb-server/package.json'), 'utf8'),
  ).version;

  const port = await freePort(opts.port);
  startServer(port);
  const base = `http://${HOST}:${port}`;
  const welcome = await waitForServer(`${base}/`);
  log(`server up at ${base}: ${JSON.stringify(welcome)}`);

  const runId = `${process.pid}_${Date.now()}`;
  const remoteUrl = `${base}/bench_${runId}`;
  const failures = [];

  // 1. local source with N docs (not timed)
  const docs = makeDocs(N);
  const avgBytes = docs.reduce((s, d) => s + Buffer.byteLength(JSON.stringify(d)), 0) / N;
  log(`generated ${N} docs, avg ${avgBytes.toFixed(1)} bytes as JSON; sample: ${JSON.stringify(docs[0])}`);
  const src = new PouchDB(`src_${runId}`, { adapter: 'memory' });
  for (let i = 0; i < N; i += 1000) {
    const res = await src.bulkDocs(docs.slice(i, i + 1000));
    const bad = res.filter((r) => r.error);
    if (bad.length) throw new Error(`local bulkDocs failed: ${JSON.stringify(bad[0])}`);
  }
  const srcCount = (await src.info()).doc_count;
  if (srcCount !== N) throw new Error(`local source holds ${srcCount} docs, expected ${N}`);

  // 2. push
  let t = performance.now();
  const push = await src.replicate.to(remoteUrl, { batch_size: B });
  const pushSeconds = (performance.now() - t) / 1000;
  log(`push: ${pushSeconds.toFixed(3)} s, ok=${push.ok} docs_read=${push.docs_read} docs_written=${push.docs_written} doc_write_failures=${push.doc_write_failures}`);
  if (!push.ok || push.doc_write_failures) failures.push(`push reported ok=${push.ok}, doc_write_failures=${push.doc_write_failures}`);

  // 3. pull into a fresh client
  const dst = new PouchDB(`dst_${runId}`, { adapter: 'memory' });
  t = performance.now();
  const pull = await dst.replicate.from(remoteUrl, { batch_size: B });
  const pullSeconds = (performance.now() - t) / 1000;
  log(`pull: ${pullSeconds.toFixed(3)} s, ok=${pull.ok} docs_read=${pull.docs_read} docs_written=${pull.docs_written} doc_write_failures=${pull.doc_write_failures}`);
  if (!pull.ok || pull.doc_write_failures) failures.push(`pull reported ok=${pull.ok}, doc_write_failures=${pull.doc_write_failures}`);

  // 4. verify
  const serverCount = await remoteDocCount(remoteUrl);
  const dstCount = (await dst.info()).doc_count;
  log(`doc counts: server=${serverCount} pulled client=${dstCount} (expected ${N})`);
  if (serverCount !== N) failures.push(`server holds ${serverCount} docs, expected ${N}`);
  if (dstCount !== N) failures.push(`pulled client holds ${dstCount} docs, expected ${N}`);
  // spot-check content round-tripped
  const probe = docs[N >> 1];
  const got = await dst.get(probe._id).catch((e) => ({ error: e.message }));
  for (const k of Object.keys(probe)) {
    if (got[k] !== probe[k]) { failures.push(`doc ${probe._id} field ${k} differs after round trip`); break; }
  }

  await src.destroy().catch(() => {});
  await dst.destroy().catch(() => {});

  if (failures.length) throw new Error(`verification failed: ${failures.join('; ')}`);

  // 5. result
  const round = (x) => Math.round(x * 1000) / 1000;
  process.stdout.write(JSON.stringify({
    docs: N,
    batch_size: B,
    push_seconds: round(pushSeconds),
    pull_seconds: round(pullSeconds),
    pouchdb_version: PouchDB.version,
    pouchdb_server_version: pouchdbServerVersion,
  }) + '\n');
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  log(`FAILED: ${e && e.stack ? e.stack : e}`);
  exitCode = 1;
} finally {
  // 6. always stop the server we started
  await stopServer().catch((e) => { log(`stopping server: ${e}`); exitCode = exitCode || 1; });
}
process.exit(interrupted ? 130 : exitCode);
