// WAL checkpoints on a worker thread with a connection of its own. SQLite's automatic checkpoint runs inside
// the COMMIT that crosses 1,000 WAL pages: it copies those pages into the database file and fsyncs it on the
// event loop, stalling every request and stream meanwhile (bench/RESULTS.md, "Checkpoints"). The worker's
// PASSIVE checkpoints never wait for the writer, so the writer never waits for them either.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db.ts';

/** Often enough to catch up with the writer now and then under a full write load. */
const INTERVAL_MS = 20;
/** While nothing is written the worker looks ever less often, up to once a second (an idle server sleeps). */
const IDLE_INTERVAL_MS = 1_000;

/**
 * The WAL starts over only when a checkpoint has caught up before the next write begins, which a worker may
 * not manage under writes without pause. Past this many pages (64 MB) the connection checkpoints in a
 * COMMIT again, as a backstop: by then the worker has copied most pages, so little is left to copy.
 */
export const BACKSTOP_PAGES = 16_000;

// Plain CommonJS run with `eval`: the server is bundled into one file, so the worker cannot be a module of it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = ' + workerData.synchronous);
let wait = workerData.intervalMs;
let last = '';
const pass = () => {
  const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
  // The same WAL as last time: nothing was written meanwhile.
  const now = log + '/' + checkpointed;
  wait = now === last ? Math.min(wait * 2, workerData.idleIntervalMs) : workerData.intervalMs;
  last = now;
  timer = setTimeout(pass, wait);
};
let timer = setTimeout(pass, wait);
parentPort.once('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Ends the worker and its connection. */
  stop(): Promise<void>;
}

/**
 * Moves the connection's automatic checkpoints to a worker, keeping the connection's as a backstop; should
 * the worker fail, the connection checkpoints at SQLite's default again. A database without a file
 * (`:memory:`) needs none.
 */
export function startCheckpointer(db: Db): Checkpointer {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return { stop: async () => {} };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: db.name,
      synchronous: db.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NORMAL',
      intervalMs: INTERVAL_MS,
      idleIntervalMs: IDLE_INTERVAL_MS,
    },
  });
  // The worker keeps no process alive: a server that closes its store stops it first anyway.
  worker.unref();
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    if (stopping || !db.open) return;
    process.emitWarning(
      `WAL checkpoints: the worker failed (${error.message}); the connection checkpoints again`,
    );
    db.pragma('wal_autocheckpoint = 1000');
  });
  return {
    async stop() {
      stopping = true;
      worker.ref(); // until it has closed its connection
      worker.postMessage('stop');
      await exited;
    },
  };
}
