/**
 * What the browser tests read of a laptop's data: a backup made through the screens and opened here
 * (the data as the app reads it, decrypted), and IndexedDB as it is on disk (read around the app).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSealedFile } from '@sahaja/core/secure';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openScreen } from './field';

/** The passphrase the tests seal backups and exchange files with. */
export const TEAM_PASSPHRASE = 'kunci tim kediri 2023';

/** Makes a backup on the Tukar data screen and saves it as `dir/name`; returns its path. */
export async function makeBackup(page: Page, dir: string, name: string): Promise<string> {
  await openScreen(page, 'Tukar data', 'Tukar data antar laptop');
  const backup = page.getByRole('form', { name: 'Buat cadangan' });
  await backup.getByLabel('Frasa sandi cadangan').fill(TEAM_PASSPHRASE);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    backup.getByRole('button', { name: 'Buat cadangan' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sahaja-cadangan-\d{12}\.sahaja$/);
  const path = join(dir, name);
  await download.saveAs(path);
  await backup
    .getByText(/^Cadangan sahaja-cadangan-\d+\.sahaja berisi [\d.]+ baris data\.$/)
    .waitFor();
  return path;
}

/** A backup's tables, opened with the team passphrase. */
export async function backupTables(
  path: string,
): Promise<Record<string, Record<string, unknown>[]>> {
  const opened = await openSealedFile(await readFile(path), TEAM_PASSPHRASE, {
    expectKind: 'backup',
  });
  if (!opened.ok) throw new Error(opened.issues[0].message.en);
  const content = JSON.parse(new TextDecoder().decode(opened.value.plain)) as {
    tables: Record<string, Record<string, unknown>[]>;
  };
  return content.tables;
}

/**
 * A backup's tables in a form two laptops can compare: rows in a fixed order, and without what each
 * laptop numbers for itself (a change's place in its own log).
 */
export async function comparableBackup(path: string): Promise<Record<string, string[]>> {
  const tables = await backupTables(path);
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map(({ seq: _seq, ...row }) => JSON.stringify(row)).sort(),
    ]),
  );
}

/**
 * Every text IndexedDB holds for the app's database, read straight from IndexedDB (no app code):
 * the strings of every row of every store, one per line. Encrypted bytes are left out.
 */
export function storedText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('sahaja');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const texts: string[] = [];
          const walk = (value: unknown): void => {
            if (typeof value === 'string') texts.push(value);
            else if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
            else if (Array.isArray(value)) value.forEach(walk);
            else if (typeof value === 'object' && value !== null) {
              for (const [key, inner] of Object.entries(value)) {
                texts.push(key);
                walk(inner);
              }
            } else if (value !== undefined && value !== null) texts.push(String(value));
          };
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => walk(request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(texts.join('\n'));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The personal values of a backup's students and registry: NIKs, KK numbers, names, birth dates. */
export function personalValues(tables: Record<string, Record<string, unknown>[]>) {
  const rows = [...(tables['students'] ?? []), ...(tables['residents'] ?? [])];
  const texts = (field: string) =>
    new Set(
      rows.map((row) => row[field]).filter((v): v is string => typeof v === 'string' && v !== ''),
    );
  return {
    numbers: new Set([...texts('nik'), ...texts('noKk')]),
    names: new Set([...texts('nama'), ...texts('namaIbu')]),
    birthDates: texts('tanggalLahir'),
  };
}

/**
 * Which of `values` appear in `text`: any 16-digit number that is an NIK or KK number, any date that
 * is a birth date (as YYYY-MM-DD or DD-MM-YYYY), and any name, found as a run of words inside the
 * text's runs of capital letters (names are written in capitals, as the registry writes them).
 */
export function personalValuesIn(
  text: string,
  values: ReturnType<typeof personalValues>,
): string[] {
  const found = new Set<string>();
  for (const [number] of text.matchAll(/\d{16}/g))
    if (values.numbers.has(number)) found.add(number);
  for (const [date] of text.matchAll(/\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}/g)) {
    const iso = /^\d{4}/.test(date) ? date : date.split('-').reverse().join('-');
    if (values.birthDates.has(iso)) found.add(date);
  }
  // Runs of capitals standing alone (not inside base64 text such as a blind index or a salt).
  const capitals = /(?<![A-Za-z0-9+/=_-])[A-Z][A-Z.' ]*[A-Z.'](?![A-Za-z0-9+/=_-])/g;
  for (const [run] of text.matchAll(capitals)) {
    const words = run.split(' ').filter((w) => w !== '');
    for (let start = 0; start < words.length; start += 1) {
      for (let end = start + 1; end <= words.length; end += 1) {
        const name = words.slice(start, end).join(' ');
        if (values.names.has(name)) found.add(name);
      }
    }
  }
  return [...found];
}
