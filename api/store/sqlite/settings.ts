// Facts about the database itself, by name (e.g. the check value of the server secret that sealed it).
import type { Db } from './db.ts';

export function createSettingStore(db: Db) {
  const statements = {
    get: db.prepare<[string], Buffer>('SELECT value FROM settings WHERE name = ?').pluck(),
    set: db.prepare(
      'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ),
  };
  return {
    get: (name: string): Buffer | undefined => statements.get.get(name),
    set(name: string, value: Buffer): void {
      statements.set.run(name, value);
    },
  };
}
