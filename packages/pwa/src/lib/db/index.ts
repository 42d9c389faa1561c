import { SahajaDatabase } from './database';

export * from './database';
export * from './programmes';

let database: SahajaDatabase | null = null;

/** The app's database, opened on first use. */
export function getDatabase(): SahajaDatabase {
  database ??= new SahajaDatabase();
  return database;
}
