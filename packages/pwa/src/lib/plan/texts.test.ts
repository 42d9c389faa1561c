import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatNumber, type Locale } from '../i18n/format';
import type { MessageKey } from '../i18n/id';
import { translate, type MessageParams } from '../i18n/translate';
import { countText, errorText, noticeText, staleTexts, type PlanTranslator } from './texts';

function translator(locale: Locale): PlanTranslator {
  return {
    locale,
    t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
    date: (iso: string) => formatIsoDate(iso, locale),
    number: (n: number) => formatNumber(n, locale),
  };
}
const names = (npsn: string) => (npsn === '20510001' ? 'SMA Negeri 1 Pare' : npsn);

describe('plan texts', () => {
  it('names the school and the date of a moved visit in either language', () => {
    const visit = {
      date: '2023-01-25',
      team: 'Tim 2',
      npsn: '20510001',
      wajib: 4,
      dini: 5,
      order: 0,
    };
    expect(noticeText({ kind: 'moved', visit }, translator('id'), names)).toBe(
      'Kunjungan ke SMA Negeri 1 Pare dipindahkan ke 25 Januari 2023 (Tim 2) dan disematkan. Angka jadwal diperbarui.',
    );
    expect(noticeText({ kind: 'moved', visit }, translator('en'), names)).toContain(
      'moved to 25 January 2023 (Tim 2)',
    );
  });

  it('says how many visits a re-plan removed and added', () => {
    const text = noticeText(
      { kind: 'replanned', day: { team: 'Tim 1', date: '2023-01-17' }, removed: 2, added: 3 },
      translator('en'),
      names,
    );
    expect(text).toBe(
      "Tim 1's day on 17 January 2023 is marked lost. The plan was re-made: 2 visits removed, 3 added; the other visits stay.",
    );
  });

  it('puts the core words of an error in the language shown', () => {
    const error = { code: 'request' as const, detail: { id: 'Tanggal salah.', en: 'Bad date.' } };
    expect(errorText(error, translator('id'))).toBe('Jadwal tidak dapat dibuat: Tanggal salah.');
    expect(errorText(error, translator('en'))).toBe('The plan cannot be made: Bad date.');
    expect(errorText({ code: 'no_team', detail: null }, translator('en'))).toContain('Add a team');
  });
});

describe('staleTexts', () => {
  it('says each reason in the language shown, naming schools by name', () => {
    const reasons = [
      { kind: 'teams' as const },
      { kind: 'schools' as const, npsns: ['20510001', '20519999'] },
    ];
    expect(staleTexts(reasons, translator('id'), names)).toEqual([
      'Tim perekaman berubah (tim ditambah atau dihapus, jumlah alat, atau kapasitas).',
      'Kecamatan, waktu tempuh, hari tidak bisa, atau koordinat sekolah berubah, atau sekolah tidak ada lagi di daftar: SMA Negeri 1 Pare, 20519999.',
    ]);
    expect(staleTexts(reasons, translator('en'), names)[1]).toContain(
      'no longer listed: SMA Negeri 1 Pare, 20519999.',
    );
  });

  it('names the first five schools and counts the rest', () => {
    const npsns = Array.from({ length: 1205 }, (_, i) => String(20520000 + i));
    const [text] = staleTexts([{ kind: 'schools', npsns }], translator('id'), names);
    expect(text).toMatch(/20520004, dan 1\.200 sekolah lain\.$/);
    expect(text).not.toContain('20520005');
  });

  it('has a text for every reason', () => {
    const kinds = ['calendar', 'policy', 'students', 'teams', 'holidays', 'unknown'] as const;
    for (const locale of ['id', 'en'] as const) {
      const texts = staleTexts(
        kinds.map((kind) => ({ kind })),
        translator(locale),
        names,
      );
      expect(new Set(texts).size).toBe(kinds.length);
      for (const text of texts) expect(text).not.toMatch(/plan\.stale|\{/);
    }
  });
});

describe('countText', () => {
  it('writes a count as the language does, and the same again from memory', () => {
    let calls = 0;
    const i18n = {
      locale: 'id' as const,
      number: (n: number) => {
        calls += 1;
        return formatNumber(n, 'id');
      },
    };
    expect(countText(i18n, 12_345)).toBe('12.345');
    expect(countText(i18n, 12_345)).toBe('12.345');
    expect(calls).toBe(1);
    expect(
      countText({ ...i18n, locale: 'en' as const, number: (n) => formatNumber(n, 'en') }, 12_345),
    ).toBe('12,345');
  });
});
