// Opens a node-postgres pool the way the store and the bus need it, runs named statements on it, and tells
// a database that cannot serve now apart from a failing statement.
import pg from 'pg';
import { StoreUnavailableError } from '../unavailable.ts';

/** Pool settings a deployment may tune; everything else is fixed by `createPool`. */
export type PoolOptions = Pick<
  pg.PoolConfig,
  'max' | 'idleTimeoutMillis' | 'connectionTimeoutMillis' | 'query_timeout'
>;

// BIGINT holds times in ms and room pks: far below 2^53, so plain numbers rather than strings.
const parseBigint = (text: string) => Number(text);
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? parseBigint : pg.types.getTypeParser(oid, format),
};

export const connectionConfig = (url: string): pg.ClientConfig => ({
  connectionString: url,
  application_name: 'guest-access',
  types,
  // A bounded wait for a connection (pg's default waits forever): an exhausted pool answers 503 rather than
  // hang. 30 s as HikariCP's default: a burst of 2,000 redemptions queued behind one link's row lock on a
  // loaded 2-core machine waited longer than 15 s. A server that is down refuses connections at once, so a
  // restart still answers 503 without waiting.
  connectionTimeoutMillis: 30_000,
});

/**
 * A client whose 'error' never ends the process. A FATAL (PostgreSQL shutting down or restarting, a terminated
 * backend) reaching it between statements is emitted as 'error'; in the moments when neither the pool (idle
 * clients) nor a transaction (`withTransaction`) listens, that event went unheard and ended the server. The client
 * is unusable after it (pg marks it so), so the pool discards it on release, and its next statement fails as
 * unavailable; the other listeners still hear the event.
 */
export class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({ ...connectionConfig(url), ...options, Client: GuardedClient });
  // An idle client whose connection drops is discarded by the pool; unheard, its 'error' would end the process.
  pool.on('error', () => {});
  return pool;
}

/** The pool or a transaction's client: what a table runs its statements on. */
export type Queryable = pg.Pool | pg.PoolClient;

/** A statement with a fixed name: node-postgres prepares it once per connection and reuses it after. */
export interface Statement {
  name: string;
  text: string;
}

export const rowsOf = <Row extends pg.QueryResultRow>(
  db: Queryable,
  statement: Statement,
  values: unknown[],
) => db.query<Row>({ ...statement, values }).then((result) => result.rows);

/** How many rows the statement changed. */
export const changesOf = (db: Queryable, statement: Statement, values: unknown[]) =>
  db.query({ ...statement, values }).then((result) => result.rowCount ?? 0);

// Socket errors, pg's own connection errors, SQLSTATE class 08 (connection exception), class 53 (insufficient
// resources: disk full, out of memory, out of connection slots), 57P01-57P03 (server shutting down, crashed,
// starting) and 25006 (read-only: a standby during a failover, or a database an operator set read-only).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '25006',
]);

// pg reports a connection it lost or never got by message only.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end',
  // A statement past its `query_timeout`: its connection went silent, or the server stopped answering.
  'Query read timeout',
];

/**
 * Whether the error says the database cannot serve now (unreachable, read-only, out of resources), rather
 * than that a statement failed: the same request may succeed later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^(08|53)/.test(code))) return true;
  if (UNAVAILABLE_MESSAGES.some((message) => error.message.startsWith(message))) return true;
  // Node's connection attempts to several addresses of one host fail together as one AggregateError.
  return error instanceof AggregateError && error.errors.some(isDatabaseUnavailable);
}

/** For `.catch`: a lost database becomes a StoreUnavailableError; any other error passes unchanged. */
export function rethrowUnavailable(error: unknown): never {
  throw isDatabaseUnavailable(error) ? new StoreUnavailableError(error) : error;
}

/**
 * Runs `fn` on one client between `begin` and COMMIT; rolls back and rethrows when it throws. A client whose
 * connection failed is destroyed rather than returned to the pool.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  begin: string,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // A checked-out client whose connection drops emits 'error' (besides failing its statement); unheard, that
  // event would end the process.
  const onError = () => {
    broken = true;
  };
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken ||= isDatabaseUnavailable(error);
    if (!broken) await client.query('ROLLBACK').catch(onError);
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
