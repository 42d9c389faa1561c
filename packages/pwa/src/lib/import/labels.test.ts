import { describe, expect, it } from 'vitest';
import type { ImportWriteSummary } from '../db';
import { translate } from '../i18n/translate';
import { ImportFile } from './import-file.svelte';
import { I18n } from '../i18n/i18n.svelte';
import {
  fieldLabel,
  fileSize,
  fileStatus,
  importAllLabel,
  importLabel,
  localDateTime,
  needsMatchingAgain,
  noticeTexts,
  type Text,
} from './labels';
import type { ReadReport } from './types';

const format = (n: number) => n.toLocaleString('id-ID');
const say = (text: Text, locale: 'id' | 'en' = 'id') => translate(locale, text.key, text.params);

const file = () =>
  new ImportFile('f1', {
    name: 'siswa.csv',
    size: 10,
    arrayBuffer: async () => new ArrayBuffer(0),
  });

function report(accepted: number, rejected: number): ReadReport<'student'> {
  return {
    source: { format: 'csv', encoding: 'utf-8', delimiter: ';', sheet: undefined, sheets: [] },
    header: { row: 1, depth: 1, headers: ['nama', 'tanggal_lahir'] },
    mapping: [],
    unusedColumns: [],
    duplicateColumns: [],
    issues: [],
    summary: [],
    counts: { dataRows: accepted + rejected, accepted, rejected, notData: 0, warnings: 0 },
    preview: [],
    schools: [],
  };
}

const summary = (extra: Partial<ImportWriteSummary>): ImportWriteSummary =>
  ({
    added: 0,
    updated: 0,
    removed: 0,
    schoolsCreated: 0,
    log: { schools: [] },
    ...extra,
  }) as unknown as ImportWriteSummary;

describe('importLabel', () => {
  it('says how many rows go in, and how many with problems are skipped', () => {
    expect(say(importLabel({ accepted: 498, rejected: 2 }, format))).toBe(
      'Impor 498 baris (2 baris bermasalah dilewati)',
    );
    expect(say(importLabel({ accepted: 1500, rejected: 0 }, format))).toBe('Impor 1.500 baris');
    expect(say(importLabel({ accepted: 498, rejected: 2 }, format), 'en')).toBe(
      'Import 498 rows (2 rows with problems skipped)',
    );
  });

  it('sums up every ready file for the import-all button', () => {
    expect(say(importAllLabel({ files: [1, 2, 3], accepted: 19_950, rejected: 50 }, format))).toBe(
      'Impor semua berkas yang siap (3 berkas, 19.950 baris; 50 baris bermasalah dilewati)',
    );
  });
});

describe('fileStatus', () => {
  it('follows the file from waiting to ready, with its counts', () => {
    const f = file();
    expect(fileStatus(f, format)).toMatchObject({ key: 'import.status.waiting', tone: 'busy' });
    f.report = report(498, 2);
    f.stage = 'ready';
    const ready = fileStatus(f, format);
    expect(ready.tone).toBe('ready');
    expect(say(ready)).toBe('Siap: 498 baris, 2 bermasalah');
    f.report = report(0, 3);
    expect(fileStatus(f, format)).toMatchObject({ key: 'import.status.empty', tone: 'error' });
  });

  it('says what the user must do for a file that waits for them', () => {
    const f = file();
    f.stage = 'needs-input';
    expect(fileStatus(f, format)).toMatchObject({
      key: 'import.status.needsKind',
      tone: 'attention',
    });
  });
});

describe('noticeTexts', () => {
  it('reports a student list with the schools it replaced and created', () => {
    const imported = {
      type: 'imported',
      id: 'f1',
      name: 'a.csv',
      kind: 'student',
      summary: summary({
        added: 498,
        removed: 480,
        schoolsCreated: 1,
        log: { schools: ['20512345'] } as never,
      }),
    } as const;
    const texts = noticeTexts(imported, format);
    expect(
      say(
        noticeTexts(
          { ...imported, summary: { ...imported.summary, removed: 0 } },
          format,
        )[0] as Text,
      ),
    ).toBe('a.csv: 498 siswa dari 1 sekolah disimpan.');
    expect(texts.map((t) => say(t))).toEqual([
      'a.csv: 498 siswa dari 1 sekolah disimpan, menggantikan 480 siswa sebelumnya dari sekolah itu.',
      '1 sekolah baru dibuat dari daftar ini.',
    ]);
  });

  it('reports new and updated registry rows, and failures with their reason', () => {
    const imported = noticeTexts(
      {
        type: 'imported',
        id: 'f1',
        name: 'r.csv',
        kind: 'resident',
        summary: summary({ added: 10, updated: 5 }),
      },
      format,
    );
    expect(say(imported[0] as Text, 'en')).toBe('r.csv: 10 new residents, 5 updated.');
    const quota = noticeTexts(
      {
        type: 'failed',
        id: 'f1',
        name: 'r.csv',
        error: { code: 'quota', message: 'QuotaExceededError' },
      },
      format,
    );
    expect(quota.map((t) => t.key)).toEqual(['import.failed.quota']);
  });

  it('asks for pemadanan again only after students or registry rows changed', () => {
    const team = {
      type: 'imported',
      id: 'f1',
      name: 't',
      kind: 'team',
      summary: summary({}),
    } as const;
    expect(needsMatchingAgain([team])).toBe(false);
    expect(needsMatchingAgain([team, { ...team, kind: 'resident' }])).toBe(true);
    expect(needsMatchingAgain([{ type: 'cancelled', id: 'f2', name: 's' }])).toBe(false);
  });
});

describe('fileSize', () => {
  it('gives kilobytes under a megabyte and megabytes above', () => {
    const i18n = new I18n(null);
    expect(fileSize(0, i18n)).toBe('1 KB');
    expect(fileSize(48_200, i18n)).toBe('49 KB');
    expect(fileSize(23_456_789, i18n)).toBe('23,5 MB');
  });
});

describe('fieldLabel', () => {
  it('labels known fields and none other', () => {
    expect(fieldLabel('nama_ibu')).toBe('import.field.nama_ibu');
    expect(fieldLabel('id_siswa / nisn')).toBeNull();
  });
});

describe('localDateTime', () => {
  it('gives the local date and time of a timestamp, and an unreadable one as it is', () => {
    const at = new Date(2023, 0, 9, 8, 5);
    expect(localDateTime(at.toISOString())).toEqual({ date: '2023-01-09', time: '08:05' });
    expect(localDateTime('kemarin')).toEqual({ date: 'kemarin', time: '' });
  });
});
