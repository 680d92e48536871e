// Facts about the database itself, by name (e.g. the check value of the server secret that sealed it).
import type { SettingTable } from '../contract.ts';
import { type Queryable, rowsOf } from './connect.ts';

const statements = {
  get: { name: 'settings.get', text: 'SELECT value FROM settings WHERE name = $1' },
  set: {
    name: 'settings.set',
    text: 'INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  },
};

export function settingTable(db: Queryable): SettingTable {
  return {
    get: (name) => rowsOf<{ value: Buffer }>(db, statements.get, [name]).then(([row]) => row?.value),
    async set(name, value) {
      await rowsOf(db, statements.set, [name, value]);
    },
  };
}
