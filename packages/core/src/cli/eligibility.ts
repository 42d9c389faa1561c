import { formatIsoDate, parseIsoDate } from '../dates/plain-date.js';
import { emptyCounts } from '../eligibility/batch.js';
import { eligibilityEvaluator, STUDENT_CATEGORIES } from '../eligibility/evaluate.js';
import { explainEligibility } from '../eligibility/explain.js';
import { createEligibilityPolicy } from '../eligibility/policy.js';
import { formatCsv } from '../io/csv-write.js';
import { encodeUtf8 } from '../io/encoding.js';
import { importRecords } from '../io/import.js';
import type { ParsedArgs } from './args.js';
import { CliError, type Io } from './io.js';
import { openInput } from './read-file.js';
import { AtomicFileWriter } from './write-file.js';

export const ELIGIBILITY_HELP = `sahaja eligibility --people P --date YYYY-MM-DD --out E.csv [--region 3506] [--min-age 16]
                   [--leap-day march-1|february-28] [--lang id|en]

Decides each person's category on the reference date by the rules of SPEC §3 (WAJIB, REKAM_DINI,
BELUM_CUKUP_UMUR, SUDAH_REKAM, PERLU_TINDAK_LANJUT, LUAR_WILAYAH, WNA, DATA_TIDAK_VALID).
  --people P      CSV or XLSX with at least nik, tanggal_lahir, status_kawin, kewarganegaraan,
                  status_rekam, kode_wilayah (common spellings of these headers are recognised)
  --date D        the reference date ages are counted on
  --out E.csv     one row per input row: nik,kategori,umur,tanggal_17,alasan (UTF-8, ISO dates)
  --region R      the programme's region codes, comma-separated (default 3506, Kabupaten Kediri)
  --min-age N     the minimum recording age, 10–17 (default 16)
  --leap-day      where a 29 February birthday falls in other years (default march-1)
  --lang          the language of alasan (default id)`;

const OUTPUT_HEADER = ['nik', 'kategori', 'umur', 'tanggal_17', 'alasan'] as const;

/** `sahaja eligibility`: reads a person file, decides every row, writes the decisions. */
export async function eligibilityCommand(args: ParsedArgs, io: Io): Promise<void> {
  const peoplePath = args.options.get('people');
  const dateText = args.options.get('date');
  const out = args.options.get('out');
  if (!peoplePath) throw new CliError('--people FILE is required');
  if (!dateText) throw new CliError('--date YYYY-MM-DD is required');
  if (!out) throw new CliError('--out FILE is required');
  const referenceDate = parseIsoDate(dateText);
  if (!referenceDate)
    throw new CliError(`--date must be a real date written YYYY-MM-DD (got "${dateText}")`);
  const minAgeText = args.options.get('min-age');
  if (minAgeText !== undefined && !/^\d+$/.test(minAgeText)) {
    throw new CliError(`--min-age must be a whole number (got "${minAgeText}")`);
  }
  const leapDay = args.options.get('leap-day') ?? 'march-1';
  if (leapDay !== 'march-1' && leapDay !== 'february-28') {
    throw new CliError(`--leap-day must be march-1 or february-28 (got "${leapDay}")`);
  }
  const lang = args.options.get('lang') ?? 'id';
  if (lang !== 'id' && lang !== 'en') throw new CliError(`--lang must be id or en (got "${lang}")`);
  const policy = createEligibilityPolicy({
    referenceDate,
    regions: (args.options.get('region') ?? '3506').split(',').map((r) => r.trim()),
    ...(minAgeText !== undefined && { minimumAge: Number(minAgeText) }),
    leapDayRule: leapDay,
  });
  if (!policy.ok) throw new CliError(policy.issues[0].message.en);

  const input = await openInput(peoplePath);
  const output = await AtomicFileWriter.open(out);
  const evaluate = eligibilityEvaluator(policy.value);
  const counts = emptyCounts();
  let withWarnings = 0;
  let written = 0;
  const joiner = lang === 'id' ? ' Catatan: ' : ' Note: ';
  await output.write(encodeUtf8(formatCsv([OUTPUT_HEADER], { newline: '\n' })));
  let imported;
  try {
    imported = await importRecords(input.chunks, {
      kind: 'people',
      totalBytes: input.size,
      pivotYear: referenceDate.year,
      onRecords: async (records) => {
        const lines: (readonly (string | number)[])[] = [];
        for (const record of records) {
          const d = evaluate(record);
          counts[d.category]++;
          if (d.warnings.length > 0) withWarnings++;
          lines.push([
            record.nik,
            d.category,
            d.dates.age ?? '',
            d.dates.seventeenthBirthday ? formatIsoDate(d.dates.seventeenthBirthday) : '',
            [
              explainEligibility(d, policy.value)[lang],
              ...d.warnings.map((w) => w.message[lang]),
            ].join(joiner),
          ]);
        }
        written += lines.length;
        await output.write(encodeUtf8(formatCsv(lines, { newline: '\n' })));
      },
    });
  } catch (error) {
    await output.abort();
    throw error;
  }
  if (!imported.ok) {
    await output.abort();
    throw new CliError(`${peoplePath}: ${imported.issues[0].message.en}`);
  }
  await output.commit();

  const summary = STUDENT_CATEGORIES.filter((c) => counts[c] > 0)
    .map((c) => `${c} ${counts[c]}`)
    .join(', ');
  io.out(`Wrote ${written} rows to ${out}${summary ? `: ${summary}` : ''}.`);
  if (withWarnings > 0) {
    io.out(
      `${withWarnings} rows have an NIK whose birth date differs from tanggal_lahir: decided by tanggal_lahir, noted in alasan.`,
    );
  }
  for (const s of imported.value.summary) {
    io.out(`${s.count} rows (first: row ${s.rows.join(', ')}): ${s.message.en}`);
  }
}
