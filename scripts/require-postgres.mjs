// Before the PostgreSQL test pass: one line and a failure when no PostgreSQL answers (a skipped engine
// would pass for a tested one).
import pg from 'pg';

const url = process.env.GUEST_ACCESS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
client.on('error', () => {});
try {
  await client.connect();
  await client.query('SELECT 1');
} catch (error) {
  console.error(
    `No PostgreSQL answers at ${new URL(url).host} (${error.code ?? error.message}); start it: ` +
      'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  );
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}
