import { formatIsoDate, parseIsoDate } from '../dates/plain-date.js';
import type { Holiday, SchoolTarget, Team } from '../domain/records.js';
import { formatCsv } from '../io/csv-write.js';
import { encodeUtf8 } from '../io/encoding.js';
import { importRecords, type ImportReport } from '../io/import.js';
import type { RecordKind, RecordOf } from '../io/records.js';
import { visitsToIcs } from '../scheduling/ics.js';
import { planVisits } from '../scheduling/planner.js';
import type { ParsedArgs } from './args.js';
import { CliError, type Io } from './io.js';
import { openInput } from './read-file.js';
import { AtomicFileWriter } from './write-file.js';

export const PLAN_HELP = `sahaja plan --schools SC --teams T --start YYYY-MM-DD --out V.csv [--holidays H]
            [--summary S.json] [--wajib-dulu] [--end YYYY-MM-DD] [--day-minutes 480]
            [--friday-minutes 480] [--ics V.ics]

Plans the school visits (SPEC §5): every WAJIB and REKAM_DINI student on a working day, within each
team's daily capacity after travel, outside holidays and the schools' blackout days, in as few working
days as it can; schools with many WAJIB students first, WAJIB students first within a visit, one visit
per school (consecutive days when large), nearby small schools sharing a team's day.
  --schools SC    npsn,nama_sekolah,kecamatan,waktu_tempuh_menit,jumlah_wajib,jumlah_dini,
                  tanggal_tidak_bisa (blackout dates separated by ;)
  --teams T       tim,jumlah_alat,kapasitas_per_alat
  --holidays H    tanggal,keterangan (public holidays and cuti bersama)
  --start D       the first day visits may take place
  --end D         the last day; students who do not fit are listed, with the earliest end that works
  --out V.csv     one row per team, day and school: tanggal,tim,npsn,jumlah_wajib,jumlah_dini
  --summary S     JSON: hari_kerja, batas_bawah, tanggal_selesai, tanggal_selesai_wajib and more
  --wajib-dulu    every WAJIB student as early as capacity allows; REKAM_DINI afterwards
  --day-minutes   minutes of a team's working day, travel included (default 480)
  --friday-minutes  minutes of a Friday (default as other days)
  --ics V.ics     the plan as a calendar file (RFC 5545): one all-day event per team, day and school`;

async function read<K extends RecordKind>(path: string, kind: K): Promise<RecordOf[K][]> {
  const file = await openInput(path);
  const report = await importRecords(file.chunks, { kind, totalBytes: file.size });
  if (!report.ok) throw new CliError(`${path}: ${report.issues[0].message.en}`);
  if (kind === 'school') requireCounts(path, report.value);
  const errors = report.value.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0] as (typeof errors)[number];
    throw new CliError(
      `${path}: row ${first.row}${first.column ? `, column ${first.column}` : ''}: ${first.message.en}${errors.length > 1 ? ` (and ${errors.length - 1} more rows with errors)` : ''}`,
    );
  }
  return [...report.value.records];
}

/** The schools file's columns that say how many students each school has. */
const COUNT_COLUMNS = ['jumlah_wajib', 'jumlah_dini'] as const;

/**
 * The importer reads a schools file without student counts (the app counts them from the lists);
 * the plan has no other source, so such a file is refused here, naming the missing columns.
 */
function requireCounts(path: string, report: ImportReport<unknown>): void {
  const mapped = new Set(report.mapping.map((m) => m.field));
  const missing = COUNT_COLUMNS.filter((column) => !mapped.has(column));
  if (missing.length === 0) return;
  const found = report.header.headers.filter((h) => h !== '').join(', ');
  throw new CliError(
    `${path}: column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found (header row ${report.header.row} has: ${found}); the plan needs each school's WAJIB and REKAM_DINI students.`,
  );
}

function dateOption(args: ParsedArgs, name: string, required: boolean) {
  const text = args.options.get(name);
  if (text === undefined) {
    if (required) throw new CliError(`--${name} YYYY-MM-DD is required`);
    return undefined;
  }
  const date = parseIsoDate(text);
  if (!date) throw new CliError(`--${name} must be a real date written YYYY-MM-DD (got "${text}")`);
  return date;
}

function minutesOption(args: ParsedArgs, name: string): number | undefined {
  const text = args.options.get(name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 60 || Number(text) > 1440) {
    throw new CliError(`--${name} must be whole minutes between 60 and 1440 (got "${text}")`);
  }
  return Number(text);
}

/** `sahaja plan`: the visit plan and its summary. */
export async function planCommand(args: ParsedArgs, io: Io): Promise<void> {
  const schoolsPath = args.options.get('schools');
  const teamsPath = args.options.get('teams');
  const out = args.options.get('out');
  if (!schoolsPath) throw new CliError('--schools FILE is required');
  if (!teamsPath) throw new CliError('--teams FILE is required');
  if (!out) throw new CliError('--out FILE is required');
  const start = dateOption(args, 'start', true);
  const end = dateOption(args, 'end', false);
  if (start && end && formatIsoDate(end) < formatIsoDate(start))
    throw new CliError('--end is before --start');
  const dayMinutes = minutesOption(args, 'day-minutes');
  const fridayMinutes = minutesOption(args, 'friday-minutes');

  const schools: SchoolTarget[] = await read(schoolsPath, 'school');
  const teams: Team[] = await read(teamsPath, 'team');
  const holidaysPath = args.options.get('holidays');
  const holidays: Holiday[] = holidaysPath ? await read(holidaysPath, 'holiday') : [];
  if (schools.length === 0) throw new CliError(`${schoolsPath}: no schools`);
  if (teams.length === 0) throw new CliError(`${teamsPath}: no teams`);
  const seen = new Set<string>();
  for (const s of schools) {
    if (seen.has(s.npsn)) throw new CliError(`${schoolsPath}: NPSN ${s.npsn} is listed twice`);
    seen.add(s.npsn);
  }

  const plan = planVisits(
    schools,
    teams,
    { start: start as NonNullable<typeof start>, end, holidays, dayMinutes, fridayMinutes },
    { mode: args.flags.has('wajib-dulu') ? 'wajib-first' : 'normal' },
  );

  const rows = plan.visits.map((v) => [v.date, v.team, v.npsn, v.wajib, v.dini]);
  const output = await AtomicFileWriter.open(out);
  try {
    await output.write(
      encodeUtf8(
        formatCsv([['tanggal', 'tim', 'npsn', 'jumlah_wajib', 'jumlah_dini'], ...rows], {
          newline: '\n',
        }),
      ),
    );
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
  const summary = {
    hari_kerja: plan.workingDays,
    hari_kerja_wajib: plan.workingDaysWajib,
    batas_bawah: plan.lowerBound,
    batas_bawah_wajib: plan.lowerBoundWajib,
    selisih: plan.workingDays - plan.lowerBound,
    tanggal_selesai: plan.finish ?? null,
    tanggal_selesai_wajib: plan.finishWajib ?? null,
    kunjungan_per_sekolah: Number(plan.visitsPerSchool.toFixed(3)),
    tim: plan.teams.map((t) => ({
      tim: t.team,
      siswa: t.students,
      hari: t.days,
      utilisasi: Number(t.utilisation.toFixed(3)),
    })),
    tidak_terlayani: plan.unserved.map((u) => ({
      npsn: u.npsn,
      jumlah_wajib: u.wajib,
      jumlah_dini: u.dini,
      alasan: u.reason,
    })),
    tanggal_selesai_paling_awal: plan.earliestEnd ?? null,
  };
  const icsPath = args.options.get('ics');
  if (icsPath) {
    // DTSTAMP is when the file is made; SOURCE_DATE_EPOCH fixes it for reproducible files.
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const stamp = new Date(epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now());
    const names = new Map(schools.map((s) => [s.npsn, { nama: s.nama, kecamatan: s.kecamatan }]));
    const file = await AtomicFileWriter.open(icsPath);
    try {
      await file.write(encodeUtf8(visitsToIcs(plan.visits, names, { stamp: stamp.toISOString() })));
      await file.commit();
    } catch (error) {
      await file.abort();
      throw error;
    }
  }
  const summaryPath = args.options.get('summary');
  if (summaryPath) {
    const file = await AtomicFileWriter.open(summaryPath);
    try {
      await file.write(encodeUtf8(`${JSON.stringify(summary, null, 2)}\n`));
      await file.commit();
    } catch (error) {
      await file.abort();
      throw error;
    }
  }
  io.out(
    `Wrote ${rows.length} visits to ${out}: ${plan.workingDays} working days (lower bound ${plan.lowerBound}), last visit ${plan.finish ?? '—'}, WAJIB done ${plan.finishWajib ?? '—'}.`,
  );
  for (const u of plan.unserved) {
    io.out(
      `Not served: school ${u.npsn}, ${u.wajib} WAJIB and ${u.dini} REKAM_DINI students (${u.reason === 'after_end' ? 'they do not fit before --end' : u.reason === 'too_far' ? 'the travel leaves no time to record' : 'no working day in the period'}).`,
    );
  }
  if (plan.earliestEnd)
    io.out(`The earliest end date that serves every student: ${plan.earliestEnd}.`);
}
