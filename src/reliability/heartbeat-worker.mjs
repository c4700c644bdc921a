// The heartbeat's own thread (see heartbeat-thread.ts). Plain JavaScript, so that it loads without
// the TypeScript loader of the main thread. It runs statements the main thread compiled (one
// definition of the database clock), on a connection of its own: PostgreSQL through `pg`, SQLite
// through `better-sqlite3`, whose busy wait for another writer then blocks this thread only.
import { parentPort, workerData } from 'node:worker_threads';

const { database, statements, intervalMs, stallLimitMs, timeoutMs, shared } = workerData;
/** [last successful beat sent, main thread last seen, healthy since, failing (0/1)], in ns of hrtime. */
const state = new BigInt64Array(shared);
const now = () => process.hrtime.bigint();
const ms = (n) => BigInt(Math.round(n * 1e6));

async function connect() {
  if (database.dialect === 'postgres') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: database.url,
      max: 1,
      connectionTimeoutMillis: Math.max(1_000, timeoutMs),
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      statement_timeout: timeoutMs,
      query_timeout: timeoutMs + 1_000,
    });
    // A dropped connection fails the beat that used it; the pool opens a new one for the next.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return { run: async (s) => void (await pool.query(s.sql, s.parameters)), close: () => pool.end() };
  }
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(database.file, { fileMustExist: true });
  db.pragma(`busy_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  return { run: async (s) => void db.prepare(s.sql).run(...s.parameters), close: async () => db.close() };
}

const db = await connect();
let failing = false;
let beating;

/** One beat; records when it was sent once the database has it. */
function beat() {
  beating ??= (async () => {
    const sent = now();
    try {
      await db.run(statements.beat);
      Atomics.store(state, 0, sent);
      if (Atomics.load(state, 2) === 0n) Atomics.store(state, 2, now());
      Atomics.store(state, 3, 0n);
      if (failing) parentPort.postMessage({ type: 'restored' });
      failing = false;
    } catch (error) {
      Atomics.store(state, 2, 0n);
      Atomics.store(state, 3, 1n);
      if (!failing) parentPort.postMessage({ type: 'failed', error: String(error?.message ?? error) });
      failing = true;
      throw error;
    }
  })().finally(() => {
    beating = undefined;
  });
  return beating;
}

const timer = setInterval(() => {
  // A main thread that has not run for this long is wedged: let the other replicas take over.
  if (now() - Atomics.load(state, 1) > ms(stallLimitMs)) return;
  beat().catch(() => {});
}, intervalMs);

parentPort.on('message', async (message) => {
  if (message.type === 'beat') {
    try {
      await beat();
      parentPort.postMessage({ type: 'beat', id: message.id });
    } catch (error) {
      parentPort.postMessage({ type: 'beat', id: message.id, error: String(error?.message ?? error) });
    }
  } else if (message.type === 'stop') {
    clearInterval(timer);
    await beating?.catch(() => {});
    await db.run(statements.remove).catch(() => {});
    await db.close().catch(() => {});
    parentPort.postMessage({ type: 'stopped' });
    parentPort.close();
  }
});

try {
  const sent = now();
  await db.run(statements.start);
  Atomics.store(state, 0, sent);
  await db.run(statements.forgetDead);
  parentPort.postMessage({ type: 'started' });
} catch (error) {
  parentPort.postMessage({ type: 'started', error: String(error?.message ?? error) });
}
