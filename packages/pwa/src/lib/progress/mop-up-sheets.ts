/**
 * The mop-up workbook: summary, follow-up visits, referrals (each referred student's name and class,
 * never a NIK) and refusals by school, in the language asked for. Counts are numbers, dates real
 * Excel dates, and every text a text cell, so a name such as `=HYPERLINK(…)` is shown, never run.
 */
import type { ExportTable } from '@sahaja/core/io';
import { weekdayOf } from '../export/dates';
import { SheetNames } from '../export/sheet-names';
import type { MopUpPlan, MopUpReferral, MopUpRefused, MopUpVisit, ReferredStudent } from './mop-up';
import { mopUpSentences, outcomeText, referralReason, unservedText } from './mop-up-text';
import type { SummaryLine } from './sheets';
import type { ProgressTranslator } from './text';

/** One row of the referrals sheet: a student with their school. */
export interface ReferralRow extends ReferredStudent {
  readonly referral: MopUpReferral;
}

/** The referrals sheet's rows: every referred student, school by school, by class then name. */
export function referralRows(plan: MopUpPlan): ReferralRow[] {
  return plan.referrals.flatMap((referral) =>
    referral.students.map((student) => ({ ...student, referral })),
  );
}

/** The summary sheet's lines: the choice, the counts, the schools no visit serves, in words. */
export function mopUpSummary(plan: MopUpPlan, tr: ProgressTranslator): SummaryLine[] {
  const { t } = tr;
  const line = (item: string, count: number | null, note = ''): SummaryLine => ({
    item,
    count,
    note,
  });
  return [
    line(t('progress.summary.programme'), null, plan.programme),
    line(t('progress.summary.today'), null, tr.date(plan.today)),
    line(t('progress.mopUp.summary.start'), null, tr.date(plan.start)),
    line(t('progress.mopUp.summary.min'), plan.minForVisit),
    line(t('progress.mopUp.summary.toRecord'), plan.toRecord),
    line(t('progress.fig.absent'), plan.absent),
    line(t('progress.fig.failed'), plan.failed),
    line(t('progress.mopUp.summary.visited'), plan.visited),
    line(t('progress.mopUp.summary.visits'), plan.visits.length),
    line(
      t('progress.mopUp.summary.finish'),
      null,
      plan.finish ? tr.date(plan.finish) : t('progress.none'),
    ),
    line(t('progress.mopUp.summary.referred'), plan.referred),
    line(t('progress.mopUp.summary.unserved'), plan.unservedStudents),
    ...plan.unserved.map((u) =>
      line(
        t('progress.mopUp.summary.unservedSchool', { school: u.nama }),
        u.wajib + u.dini,
        unservedText(u, tr),
      ),
    ),
    line(t('progress.mopUp.summary.refused'), plan.refused),
    line(t('progress.mopUp.summary.text'), null, mopUpSentences(plan, tr).join(' ')),
  ];
}

/** The workbook's tables: Ringkasan, Kunjungan susulan, Rujukan, Menolak (in the language asked). */
export function mopUpTables(plan: MopUpPlan, tr: ProgressTranslator): ExportTable<unknown>[] {
  const { t } = tr;
  const names = new SheetNames();
  const tables: ExportTable<unknown>[] = [];
  const add = <R>(table: ExportTable<R>) => tables.push(table as ExportTable<unknown>);
  const kecamatan = (k: string) => k || t('progress.kecamatan.unknown');

  add<SummaryLine>({
    sheet: names.name(t('progress.mopUp.sheet.summary'), 'Summary'),
    columns: [
      { header: t('progress.col.item'), type: 'text', value: (l) => l.item },
      { header: t('progress.col.count'), type: 'number', value: (l) => l.count },
      { header: t('progress.col.note'), type: 'text', value: (l) => l.note },
    ],
    rows: mopUpSummary(plan, tr),
  });

  add<MopUpVisit>({
    sheet: names.name(t('progress.mopUp.sheet.visits'), 'Follow-up visits'),
    columns: [
      { header: t('progress.mopUp.col.date'), type: 'date', value: (v) => v.date },
      {
        header: t('progress.col.weekday'),
        type: 'text',
        value: (v) => weekdayOf(v.date, tr.locale),
      },
      { header: t('progress.teams.team'), type: 'text', value: (v) => v.team },
      { header: t('progress.mopUp.col.order'), type: 'number', value: (v) => v.order + 1 },
      { header: t('progress.schools.npsn'), type: 'identifier', value: (v) => v.npsn },
      { header: t('progress.schools.school'), type: 'text', value: (v) => v.nama },
      {
        header: t('progress.kecamatan.kecamatan'),
        type: 'text',
        value: (v) => kecamatan(v.kecamatan),
      },
      { header: 'WAJIB', type: 'number', value: (v) => v.wajib },
      { header: 'REKAM_DINI', type: 'number', value: (v) => v.dini },
      { header: t('progress.mopUp.col.students'), type: 'number', value: (v) => v.wajib + v.dini },
    ],
    rows: plan.visits,
  });

  add<ReferralRow>({
    sheet: names.name(t('progress.mopUp.sheet.referrals'), 'Referrals'),
    columns: [
      { header: t('progress.schools.npsn'), type: 'identifier', value: (r) => r.referral.npsn },
      { header: t('progress.schools.school'), type: 'text', value: (r) => r.referral.nama },
      {
        header: t('progress.kecamatan.kecamatan'),
        type: 'text',
        value: (r) => kecamatan(r.referral.kecamatan),
      },
      { header: t('progress.mopUp.col.name'), type: 'text', value: (r) => r.nama },
      { header: t('progress.mopUp.col.class'), type: 'text', value: (r) => r.kelas },
      { header: t('progress.mopUp.col.category'), type: 'text', value: (r) => r.category },
      { header: t('progress.mopUp.col.outcome'), type: 'text', value: (r) => outcomeText(r, tr) },
      {
        header: t('progress.mopUp.col.reason'),
        type: 'text',
        value: (r) => referralReason(r.referral, plan.minForVisit, tr),
      },
    ],
    rows: referralRows(plan),
  });

  add<MopUpRefused>({
    sheet: names.name(t('progress.mopUp.sheet.refused'), 'Refused'),
    columns: [
      { header: t('progress.schools.npsn'), type: 'identifier', value: (r) => r.npsn },
      { header: t('progress.schools.school'), type: 'text', value: (r) => r.nama },
      {
        header: t('progress.kecamatan.kecamatan'),
        type: 'text',
        value: (r) => kecamatan(r.kecamatan),
      },
      { header: t('progress.mopUp.col.students'), type: 'number', value: (r) => r.count },
      { header: 'WAJIB', type: 'number', value: (r) => r.wajib },
    ],
    rows: plan.refusedSchools,
  });
  return tables;
}
