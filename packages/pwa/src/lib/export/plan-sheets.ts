/**
 * The visit plan's workbook: a summary of the plan's figures (working days, lower bound, gap, finish,
 * students it cannot serve), every visit, one sheet per team, and the students not served when there
 * are any. Headers and words in the language asked for; dates as real Excel dates.
 */
import type { ExportColumn, ExportTable } from '@sahaja/core/io';
import type { PlanFigures, VisitRow } from '../db';
import { weekdayOf } from './dates';
import { SheetNames } from './sheet-names';
import type { ExportText } from './text';

/** What the plan's sheets say about a school, by NPSN. */
export interface PlanSchoolInfo {
  readonly nama: string;
  /** The kecamatan as people read it (its name, else its code; empty when unknown). */
  readonly kecamatan: string;
}

/** One line of the summary sheet. */
export interface SummaryLine {
  readonly item: string;
  readonly value: string;
}

/** One student group the plan cannot serve, with its school. */
interface UnservedLine {
  readonly npsn: string;
  readonly nama: string;
  readonly wajib: number;
  readonly dini: number;
  readonly reason: string;
}

/** What the plan's workbook is made of. */
export interface PlanWorkbookSource {
  readonly programme: string;
  /** In date, team and day order. */
  readonly visits: readonly VisitRow[];
  /** The stored figures; null when they cannot be read (the summary then has the visits' counts). */
  readonly figures: PlanFigures | null;
  readonly schools: ReadonlyMap<string, PlanSchoolInfo>;
  /** The programme's teams (every team with a visit gets a sheet; Tim 2 before Tim 10). */
  readonly teams: readonly string[];
}

/** The visit sheets' columns; `withTeam: false` for a team's own sheet. */
export function visitColumns(
  text: ExportText,
  schools: ReadonlyMap<string, PlanSchoolInfo>,
  withTeam: boolean,
): ExportColumn<VisitRow>[] {
  const { t } = text;
  const columns: (ExportColumn<VisitRow> | null)[] = [
    { header: t('export.col.date'), type: 'date', value: (v) => v.date },
    { header: t('export.col.weekday'), type: 'text', value: (v) => weekdayOf(v.date, text.locale) },
    withTeam ? { header: t('export.col.team'), type: 'text', value: (v) => v.team } : null,
    { header: t('export.col.order'), type: 'number', value: (v) => v.order + 1 },
    { header: t('export.col.npsn'), type: 'identifier', value: (v) => v.npsn },
    {
      header: t('export.col.school'),
      type: 'text',
      value: (v) => schools.get(v.npsn)?.nama ?? v.npsn,
    },
    {
      header: t('export.col.kecamatan'),
      type: 'text',
      value: (v) => schools.get(v.npsn)?.kecamatan ?? '',
    },
    { header: t('export.col.wajib'), type: 'number', value: (v) => v.wajib },
    { header: t('export.col.dini'), type: 'number', value: (v) => v.dini },
    {
      header: t('export.col.pinned'),
      type: 'text',
      value: (v) => (v.pinned ? t('export.yes') : t('export.no')),
    },
  ];
  return columns.filter((c): c is ExportColumn<VisitRow> => c !== null);
}

/** The summary sheet's lines: the plan's figures written out in the language asked for. */
export function summaryLines(source: PlanWorkbookSource, text: ExportText): SummaryLine[] {
  const { t } = text;
  const n = (value: number) => text.number(value);
  const date = (iso: string | null) => (iso ? text.date(iso) : t('export.summary.none'));
  const { visits, figures } = source;
  const wajib = visits.reduce((sum, v) => sum + v.wajib, 0);
  const dini = visits.reduce((sum, v) => sum + v.dini, 0);
  const lines: SummaryLine[] = [
    { item: t('export.summary.programme'), value: source.programme },
    { item: t('export.summary.visits'), value: n(visits.length) },
    { item: t('export.summary.schools'), value: n(new Set(visits.map((v) => v.npsn)).size) },
    { item: t('export.summary.wajib'), value: n(wajib) },
    { item: t('export.summary.dini'), value: n(dini) },
  ];
  if (!figures) return lines;
  const unservedWajib = figures.unserved.reduce((sum, u) => sum + u.wajib, 0);
  const unservedDini = figures.unserved.reduce((sum, u) => sum + u.dini, 0);
  lines.push(
    { item: t('export.summary.mode'), value: t(`export.summary.mode.${figures.mode}`) },
    { item: t('export.summary.madeAt'), value: date(localDateOf(figures.madeAt)) },
    { item: t('export.summary.start'), value: date(figures.start) },
    {
      item: t('export.summary.end'),
      value: figures.end ? date(figures.end) : t('export.summary.noEnd'),
    },
    { item: t('export.summary.workingDays'), value: n(figures.workingDays) },
    { item: t('export.summary.lowerBound'), value: n(figures.lowerBound) },
    { item: t('export.summary.gap'), value: n(figures.gap) },
    { item: t('export.summary.finish'), value: date(figures.finish) },
    { item: t('export.summary.workingDaysWajib'), value: n(figures.workingDaysWajib) },
    { item: t('export.summary.lowerBoundWajib'), value: n(figures.lowerBoundWajib) },
    { item: t('export.summary.finishWajib'), value: date(figures.finishWajib) },
    {
      item: t('export.summary.visitsPerSchool'),
      value: new Intl.NumberFormat(text.locale === 'id' ? 'id-ID' : 'en-GB', {
        maximumFractionDigits: 2,
      }).format(figures.visitsPerSchool),
    },
    {
      item: t('export.summary.unserved'),
      value: t('export.summary.unservedCount', { wajib: n(unservedWajib), dini: n(unservedDini) }),
    },
  );
  if (figures.earliestEnd) {
    lines.push({ item: t('export.summary.earliestEnd'), value: date(figures.earliestEnd) });
  }
  lines.push({
    item: t('export.summary.pending'),
    value: t('export.summary.pendingCount', {
      notMatched: n(figures.pending.notMatched),
      review: n(figures.pending.review),
    }),
  });
  for (const use of figures.teams) {
    lines.push({
      item: t('export.summary.team', { team: use.team }),
      value: t('export.summary.teamUse', {
        students: n(use.students),
        days: n(use.days),
        percent: n(Math.round(use.utilisation * 100)),
      }),
    });
  }
  return lines;
}

/**
 * The plan workbook's tables: the summary, every visit, one sheet per team (its visits), and, when
 * the plan cannot serve some students, their schools and why. Sheet names are unique and valid.
 */
export function planTables(source: PlanWorkbookSource, text: ExportText): ExportTable<unknown>[] {
  const { t } = text;
  const names = new SheetNames();
  const tables: ExportTable<unknown>[] = [];
  const add = <R>(table: ExportTable<R>) => tables.push(table as ExportTable<unknown>);
  add<SummaryLine>({
    sheet: names.name(t('export.sheet.summary'), 'Summary'),
    columns: [
      { header: t('export.col.item'), type: 'text', value: (l) => l.item },
      { header: t('export.col.value'), type: 'text', value: (l) => l.value },
    ],
    rows: summaryLines(source, text),
  });
  add<VisitRow>({
    sheet: names.name(t('export.sheet.visits'), 'Visits'),
    columns: visitColumns(text, source.schools, true),
    rows: source.visits,
  });
  const teams = [...new Set([...source.teams, ...source.visits.map((v) => v.team)])].sort((a, b) =>
    a.localeCompare(b, 'id', { numeric: true }),
  );
  const teamColumns = visitColumns(text, source.schools, false);
  for (const team of teams) {
    const rows = source.visits.filter((v) => v.team === team);
    if (rows.length === 0) continue;
    add<VisitRow>({ sheet: names.name(team, 'Tim'), columns: teamColumns, rows });
  }
  const unserved: UnservedLine[] = (source.figures?.unserved ?? []).map((u) => ({
    npsn: u.npsn,
    nama: source.schools.get(u.npsn)?.nama ?? u.npsn,
    wajib: u.wajib,
    dini: u.dini,
    reason: t(`export.reason.${u.reason}`),
  }));
  if (unserved.length > 0) {
    add<UnservedLine>({
      sheet: names.name(t('export.sheet.unserved'), 'Unserved'),
      columns: [
        { header: t('export.col.npsn'), type: 'identifier', value: (u) => u.npsn },
        { header: t('export.col.school'), type: 'text', value: (u) => u.nama },
        { header: t('export.col.wajib'), type: 'number', value: (u) => u.wajib },
        { header: t('export.col.dini'), type: 'number', value: (u) => u.dini },
        { header: t('export.col.reason'), type: 'text', value: (u) => u.reason },
      ],
      rows: unserved,
    });
  }
  return tables;
}

/** The laptop's calendar date of an ISO timestamp (`madeAt` is in UTC); null when unreadable. */
function localDateOf(timestamp: string): string | null {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
