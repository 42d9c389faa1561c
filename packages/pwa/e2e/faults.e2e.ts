/**
 * Faults a laptop meets (issue 9), in Chromium: the tab closed while a registry is being written, and
 * the app open in two tabs at once. Each write is one IndexedDB transaction in the worker, so a closed
 * tab leaves the data as it was; two tabs write through the same database without losing or doubling
 * anything, and locking one tab locks the other.
 */
import { generateProgramme } from '@sahaja/core';
import { programmeFiles } from '@sahaja/core/io';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoredRows, readSummary } from './support/app';
import { useBrowser } from './support/browser';
import { markFirstStudents, openScreen, prepareProgramme, STEP_TIMEOUT_MS } from './support/field';
import { gotoUnlocked } from './support/lock';
import { backupTables, makeBackup } from './support/stored';

const openApp = useBrowser();
const DEMO = '/?demo=1&schools=2&students=600&registry=6000';
const BIG_REGISTRY = 150_000;

let dir = '';
let registryFile = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sahaja-faults-'));
  const programme = generateProgramme({ students: 1_000, registry: BIG_REGISTRY });
  const registry = (await programmeFiles(programme)).find((f) => f.path === 'registri.csv');
  if (!registry) throw new Error('The generator made no registri.csv');
  registryFile = join(dir, 'registri.csv');
  await writeFile(registryFile, registry.bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('faults', () => {
  it('a tab closed while a registry is written leaves the programme as it was', async () => {
    const { context, page, baseUrl } = await openApp();
    await gotoUnlocked(page, `${baseUrl}${DEMO}`);
    await page.getByText('Program contoh tersimpan.').waitFor({ timeout: STEP_TIMEOUT_MS });
    const before = await readSummary(page, 'Ringkasan program');
    expect(before).toMatchObject({ 'Registri penduduk': '6.000' });
    const imports = await countStoredRows(page, 'imports');

    await openScreen(page, 'Impor', 'Impor data');
    await page.locator('input[type=file]').setInputFiles([registryFile]);
    await page
      .getByRole('button', { name: /^Impor semua berkas yang siap \(1 berkas, 150\.000 baris\)$/ })
      .click({ timeout: STEP_TIMEOUT_MS });
    // Part of the file is written — then the tab is closed.
    const writing = page.locator('[role=progressbar][aria-valuetext^="Menyimpan berkas 1 dari 1"]');
    await expect
      .poll(
        async () =>
          (await writing
            .first()
            .getAttribute('aria-valuetext')
            .catch(() => '')) ?? '',
        {
          timeout: STEP_TIMEOUT_MS,
          interval: 100,
        },
      )
      .toMatch(/^Menyimpan berkas 1 dari 1 \(registri\.csv\): [1-9][\d.]* dari 150\.000 baris$/);
    await page.close();

    const again = await context.newPage();
    await gotoUnlocked(again, baseUrl);
    expect(await readSummary(again, 'Ringkasan program')).toEqual(before);
    expect(await countStoredRows(again, 'residents')).toBe(6_000);
    expect(await countStoredRows(again, 'imports')).toBe(imports);
  }, 600_000);

  it("two tabs mark at one visit: each shows the other's marks, every mark is stored once, and locking one tab locks both", async () => {
    const { context, page: first, baseUrl } = await openApp();
    await prepareProgramme(first, baseUrl, DEMO);
    const second = await context.newPage();
    await gotoUnlocked(second, baseUrl);

    await markFirstStudents(first, ['t', 't']);
    // The second tab shows the first tab's marks, then adds its own at the same visit.
    await openScreen(second, 'Hari kunjungan', 'Hari kunjungan');
    await second
      .getByRole('link', { name: /\d+ wajib · \d+ rekam dini$/ })
      .first()
      .click();
    const list = second.getByRole('region', { name: 'Siswa sasaran' });
    await list
      .getByRole('button', { name: /Terekam/ })
      .nth(1)
      .waitFor();
    await list.getByRole('button').nth(2).click();
    await second.keyboard.press('h');
    await expect.poll(() => countStoredRows(second, 'visitEvents')).toBe(3);
    // The first tab, still at the visit, shows the second tab's mark without opening it again.
    await first
      .getByRole('region', { name: 'Siswa sasaran' })
      .getByRole('button', { name: /Tidak hadir/ })
      .waitFor();

    // The log numbers each change once, in one sequence, whichever tab made it.
    const tables = await backupTables(await makeBackup(first, dir, 'dua-tab.sahaja'));
    const seqs = (tables['changes'] ?? []).map((row) => row['seq'] as number).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((tables['visitEvents'] ?? []).length).toBe(3);

    await first.getByRole('button', { name: 'Kunci' }).click();
    await second.getByRole('heading', { level: 1, name: 'Data terkunci' }).waitFor();
    await second.getByText('Data dikunci dari tab lain.').waitFor();
  }, 300_000);
});
