import { SahajaDatabase } from './database';

export * from './database';
export * from './programmes';
export * from './matches';
export * from './visits';
export * from './imports';
export * from './setup';

let database: SahajaDatabase | null = null;

/** The app's database, opened on first use. */
export function getDatabase(): SahajaDatabase {
  database ??= new SahajaDatabase();
  return database;
}
