// Plain SQL on a test's database, beside the server's own connections, for what a test must see for itself
// (rows stored, nothing changed). Statements use `?` placeholders on either engine.
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../api/server.ts';

export interface RawDatabase {
  /** The rows a statement returns (none for a write). */
  all<Row = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<Row[]>;
  /** The tables that hold data (not the shared rate and stream counters, which any request moves), sorted. */
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

export function openRawDatabase(location: string): RawDatabase {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: 1 });
    // The test's end drops the database under an idle connection: not an error of the test.
    pool.on('error', () => {});
    return {
      async all<Row>(sql: string, values: unknown[] = []) {
        let index = 0;
        const text = sql.replace(/\?/g, () => `$${++index}`);
        return (await pool.query(text, values)).rows as Row[];
      },
      async tables() {
        const rows = await this.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_name NOT IN ('rate_windows', 'stream_leases') ORDER BY 1`,
        );
        return rows.map((row) => row.name);
      },
      close: () => pool.end(),
    };
  }
  const db = new Database(location);
  return {
    async all<Row>(sql: string, values: unknown[] = []) {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...values) as Row[];
      statement.run(...values);
      return [];
    },
    async tables() {
      return db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[];
    },
    async close() {
      db.close();
    },
  };
}
