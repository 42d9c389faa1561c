/**
 * Merging a season's exchange file end to end in Chromium (issue 9): the demo programme (72 schools,
 * 20,000 students, 150,000 residents) on this laptop, and a file from another laptop holding a season of
 * its visit days — one mark for every student and a card handed over for a tenth of them — sealed with
 * the team passphrase. Timed from the click on "Gabungkan" to the summary on the screen: opening the
 * file (PBKDF2, AES-GCM, gunzip), checking every change, writing them sealed into IndexedDB, and listing
 * the conflicts; then the same file again (nothing new). Prints the figures and the longest main-thread
 * task; checks what was merged, never how fast.
 */
import { formatHlc, type DomainEvent } from '@sahaja/core/sync';
import { sealFile } from '@sahaja/core/secure';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_LOAD_TIMEOUT_MS } from '../e2e/support/app';
import { BROWSER_ARGS, CHROMIUM_PATH } from '../e2e/support/browser';
import { openScreen } from '../e2e/support/field';
import { gotoUnlocked } from '../e2e/support/lock';
import { TEAM_PASSPHRASE } from '../e2e/support/stored';
import { longTasksBetween, recordLongTasks } from './support';

const MARKS = 20_000;
const CARDS = 2_000;
const DEVICE = 'laptop-tim-2';

let browser: Browser;
let dir = '';
let file = '';

/** The other laptop's season: a mark per student over 60 visit days, cards for a tenth, in HLC order. */
function season(): DomainEvent[] {
  const events: DomainEvent[] = [];
  const start = Date.parse('2023-01-16T01:00:00Z');
  const stamp = (i: number) => formatHlc({ wall: start + i * 60_000, counter: 0, device: DEVICE });
  for (let i = 0; i < MARKS; i++) {
    const day = new Date(start + Math.floor(i / 340) * 86_400_000).toISOString().slice(0, 10);
    const visit = { date: day, team: 'Tim 2', npsn: String(20510000 + (i % 72)) };
    const id = `v-${DEVICE}-${i}`;
    const payload = {
      id,
      kind: 'mark',
      at: new Date(start + i * 60_000).toISOString(),
      visit,
      idSiswa: `${visit.npsn}-${String(i).padStart(5, '0')}`,
      outcome: i % 10 === 0 ? 'absent' : 'recorded',
      device: DEVICE,
      author: 'Pak Budi',
    };
    events.push({ id, hlc: stamp(i), device: DEVICE, author: 'Pak Budi', kind: 'visit', payload });
  }
  for (let i = 0; i < CARDS; i++) {
    const id = `c-${DEVICE}-${i}`;
    const n = i * 10 + 1;
    const payload = {
      id,
      kind: 'handover',
      at: new Date(start + (MARKS + i) * 60_000).toISOString(),
      idSiswa: `${String(20510000 + (n % 72))}-${String(n).padStart(5, '0')}`,
      handedAt: '2023-06-01',
      receivedBy: 'Siswa sendiri',
      device: DEVICE,
      author: 'Pak Budi',
    };
    events.push({
      id,
      hlc: stamp(MARKS + i),
      device: DEVICE,
      author: 'Pak Budi',
      kind: 'card',
      payload,
    });
  }
  return events;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BROWSER_ARGS] });
  dir = await mkdtemp(join(tmpdir(), 'sahaja-merge-bench-'));
  const events = season();
  const content = {
    format: 'sahaja-changes',
    version: 1,
    programmeId: 'demo',
    programmeName: 'Program contoh',
    device: DEVICE,
    author: 'Pak Budi',
    exportedAt: new Date('2023-06-30T10:00:00Z').toISOString(),
    events,
  };
  const bytes = await sealFile(new TextEncoder().encode(JSON.stringify(content)), TEAM_PASSPHRASE, {
    kind: 'exchange',
    meta: { programme: 'Program contoh', changes: events.length, device: DEVICE },
  });
  file = join(dir, 'musim.sahaja');
  await writeFile(file, bytes);
  console.log(`exchange file: ${events.length} changes, ${(bytes.length / 1e6).toFixed(2)} MB`);
});

afterAll(async () => {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

describe("merging a season's exchange file", () => {
  it('from the click to the summary, then the same file again', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await recordLongTasks(context);
    const page = await context.newPage();
    await gotoUnlocked(page, `${inject('baseUrl')}/?demo=1`);
    await page.getByText('Program contoh tersimpan.').waitFor({ timeout: DEMO_LOAD_TIMEOUT_MS });

    const now = () => page.evaluate(() => performance.now());
    const figures: string[] = [];
    for (const round of ['first', 'again'] as const) {
      await openScreen(page, 'Tukar data', 'Tukar data antar laptop');
      const receive = page.getByRole('region', { name: 'Gabungkan berkas dari laptop lain' });
      await receive.getByLabel('Berkas perubahan (.sahaja)').setInputFiles(file);
      await receive.getByLabel('Frasa sandi tim').fill(TEAM_PASSPHRASE);
      const start = await now();
      await receive.getByRole('button', { name: 'Gabungkan' }).click();
      const summary =
        round === 'first'
          ? receive.getByText(/: 22\.000 perubahan baru, 0 sudah ada\.$/)
          : receive.getByText('Tidak ada yang baru: semua perubahan di berkas ini sudah ada.');
      await summary.waitFor({ timeout: 600_000 });
      const end = await now();
      const longest = Math.max(
        0,
        ...(await longTasksBetween(page, start, end)).map((t) => t.duration),
      );
      figures.push(
        `${round}: ${((end - start) / 1000).toFixed(2)} s, longest main-thread task ${longest.toFixed(0)} ms`,
      );
    }
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('sahaja');
          open.onsuccess = () => {
            const r = open.result.transaction('visitEvents').objectStore('visitEvents').count();
            r.onsuccess = () => resolve(r.result);
          };
        }),
    );
    expect(stored).toBe(MARKS);
    console.log(figures.join('\n'));
    await context.close();
  });
});
