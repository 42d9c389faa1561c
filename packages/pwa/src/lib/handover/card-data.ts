/**
 * What the card handover screen starts from, read in the worker (20,000 students and every
 * visit-day event are too much for the page): the students recorded early — REKAM_DINI as the target
 * lists decide them, whose standing outcome is `recorded` — with their standing marks, the schools and
 * the holidays. Which of those cards are due, awaiting or handed over is the core's rule (`cardsDue`,
 * `cardsAwaiting`), applied on the page to this data and the card log (see `due-list.ts`).
 */
import type { Holiday, LeapDayRule, Message } from '@sahaja/core';
import { currentOutcomes, type MarkedOutcome } from '@sahaja/core/field';
import { rowsOf, type SahajaDatabase, type StoredSchool } from '../db';
import { kecamatanLabel } from '../export/schedule';
import { eligibilityPolicy, readSchoolTargets } from '../export/school-targets';
import { readAllEvents } from '../field/visit-data';

/**
 * A student whose card may be handed over: REKAM_DINI and recorded. Only what the screen and the
 * signature list need (no NIK, no mother's name, no address).
 */
export interface CardCandidate {
  readonly idSiswa: string;
  readonly npsn: string;
  readonly nisn: string;
  readonly nama: string;
  readonly kelas: string;
  readonly category: 'REKAM_DINI';
  /** The registry's birth date the category was decided on, `YYYY-MM-DD`. */
  readonly birthDate: string;
}

/** A school as the handover needs it: its name, kecamatan and the days it cannot host a visit. */
export interface CardSchool {
  readonly npsn: string;
  readonly nama: string;
  /** The kecamatan's name (or its code when unknown; empty when none). */
  readonly kecamatan: string;
  readonly tanggalTidakBisa: readonly string[];
}

/** Everything the handover screen computes from, besides the card log. */
export interface CardData {
  readonly programmeId: string;
  /** By school (NPSN), then class and name as the target lists order them; the screens keep it. */
  readonly candidates: readonly CardCandidate[];
  /** The standing mark of each candidate (all `recorded`), by `idSiswa`. */
  readonly outcomes: ReadonlyMap<string, MarkedOutcome>;
  /** Every school of the programme, by name. */
  readonly schools: readonly CardSchool[];
  readonly holidays: readonly Holiday[];
  /** How the programme's eligibility dates 29 February birthdays; the cards follow it. */
  readonly leapDayRule: LeapDayRule;
}

/** Progress of the reading: schools with recordings read. */
export interface CardDataProgress {
  readonly done: number;
  readonly total: number;
}

/** Why the data could not be read (`missing`: no such programme; `settings`: refused policy). */
export class CardDataRefusal extends Error {
  constructor(
    readonly code: 'missing' | 'settings',
    readonly localized?: Message,
  ) {
    super(code);
  }
}

/**
 * Reads programme `programmeId`'s early-recorded students: the standing outcomes of every visit-day
 * event, then the target students of each school where a student was recorded (decided as the
 * target lists decide them), keeping the REKAM_DINI ones recorded. Throws a {@link CardDataRefusal}
 * for a programme that is not stored or whose settings the core refuses; Dexie's errors otherwise.
 */
export async function readCardData(
  db: SahajaDatabase,
  programmeId: string,
  onProgress?: (progress: CardDataProgress) => void,
): Promise<CardData> {
  const programme = await db.programmes.get(programmeId);
  if (!programme) throw new CardDataRefusal('missing');
  const policy = eligibilityPolicy(programme.settings);
  if (!policy.ok) throw new CardDataRefusal('settings', policy.message);

  const { outcomes } = currentOutcomes(await readAllEvents(db, programmeId));
  const recorded = [...outcomes.values()].filter((m) => m.outcome === 'recorded');
  // A student's school is the school that lists them (a recording may be made at another school).
  const listed = await db.students.bulkGet(
    recorded.map((m): [string, string] => [programmeId, m.idSiswa]),
  );
  const npsns = [...new Set(listed.flatMap((s) => (s ? [s.npsn] : [])))].sort();

  const candidates: CardCandidate[] = [];
  const marks = new Map<string, MarkedOutcome>();
  onProgress?.({ done: 0, total: npsns.length });
  for (const [i, npsn] of npsns.entries()) {
    const targets = await readSchoolTargets(db, programmeId, npsn, policy.value);
    for (const s of targets.students) {
      const mark = outcomes.get(s.idSiswa);
      if (s.category !== 'REKAM_DINI' || mark?.outcome !== 'recorded' || !s.tanggalLahir) continue;
      const { idSiswa, nisn, nama, kelas } = s;
      candidates.push({
        idSiswa,
        npsn,
        nisn,
        nama,
        kelas,
        category: 'REKAM_DINI',
        birthDate: s.tanggalLahir,
      });
      marks.set(idSiswa, { outcome: mark.outcome, visit: mark.visit });
    }
    onProgress?.({ done: i + 1, total: npsns.length });
  }

  const rows: (StoredSchool & { programmeId: string })[] = await rowsOf(
    db,
    'schools',
    programmeId,
  ).toArray();
  const schools = rows
    .map((s): CardSchool => ({
      npsn: s.npsn,
      nama: s.nama,
      kecamatan: kecamatanLabel(s.kecamatan),
      tanggalTidakBisa: s.tanggalTidakBisa,
    }))
    .sort(
      (a, b) =>
        a.nama.localeCompare(b.nama, 'id', { numeric: true }) || a.npsn.localeCompare(b.npsn),
    );
  const holidays: (Holiday & { programmeId: string })[] = await rowsOf(
    db,
    'holidays',
    programmeId,
  ).toArray();

  return {
    programmeId,
    candidates,
    outcomes: marks,
    schools,
    holidays: holidays.map(({ tanggal, keterangan }) => ({ tanggal, keterangan })),
    leapDayRule: policy.value.leapDayRule,
  };
}
