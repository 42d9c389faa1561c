/**
 * A programme with a short history for tests of the audit trail: the office ran pemadanan, accepted
 * a match and imported teams; a team's laptop marked a student, added a walk-in (with an NIK and a
 * birth date, which the trail must never show), took the mark back and handed over a card; and a
 * newer app's change came in through a merge.
 */
import { DEFAULT_THRESHOLDS } from '@sahaja/core';
import { importTeams, writeReviewChange, type ProgrammeData, type SahajaDatabase } from '../../db';
import { appendVisitEvent, readSchoolEvents } from '../../field/visit-data';
import { appendCardEvent } from '../../handover/card-log';
import { reviewChange } from '../../matching/review';
import { nextSeq } from '../../sync/change-log';
import { setLaptopClock } from '../../sync/clock';
import { laptopOf, storeMatchedProgramme } from '../../sync/test-support/office';

export const OFFICE = 'laptop-office';
export const TEAM = 'laptop-team-1';
/** The walk-in's NIK and birth date: in the log, never in the trail. */
export const WALK_IN = { nama: 'BUDI WALKIN', nik: '3506012309060007', tanggalLahir: '2006-09-23' };

const T0 = Date.parse('2023-01-16T01:00:00Z');

/** Stores programme `programmeId` (of `data`) in `db` with the history above, in that order. */
export async function storeTrail(
  db: SahajaDatabase,
  programmeId: string,
  data: ProgrammeData,
): Promise<void> {
  const office = laptopOf(OFFICE, 'Bu Sari', T0);
  const team = laptopOf(TEAM, 'Pak Joko', T0 + 3_600_000);
  const [first] = await storeMatchedProgramme(db, programmeId, data, office);
  const nik = first!.candidates[0]!.nik;
  const decided = reviewChange(first!, nik, 'accept', {
    programmeId,
    thresholds: DEFAULT_THRESHOLDS,
    decisions: [],
    holder: null,
    decidedAt: new Date(T0).toISOString(),
  });
  if (!decided.ok) throw new Error(decided.refusal.code);
  await writeReviewChange(db, programmeId, decided.change, office);
  await importTeams(db, programmeId, [{ tim: 'Tim 3', jumlahAlat: 2, kapasitasPerAlat: 50 }], {
    fileName: 'tim.csv',
    clock: office,
  });

  const visit = { date: '2023-01-16', team: 'Tim 1', npsn: data.schools[0]!.npsn };
  const at = (minute: number) => new Date(T0 + 3_600_000 + minute * 60_000).toISOString();
  setLaptopClock(team);
  try {
    const add = async (input: object) => {
      const log = await readSchoolEvents(db, programmeId, visit.npsn);
      const added = await appendVisitEvent(db, programmeId, input, log, visit);
      if (!added.ok) throw new Error(JSON.stringify(added.error));
    };
    const marked = data.students[5]!.idSiswa;
    await add({ id: 'm1', at: at(1), kind: 'mark', visit, idSiswa: marked, outcome: 'recorded' });
    await add({
      id: 'walkin:w1',
      at: at(2),
      kind: 'walk_in',
      visit,
      needsMatching: true,
      ...WALK_IN,
    });
    await add({ id: 'u1', at: at(3), kind: 'undo', undoes: 'm1' });
    const card = await appendCardEvent(db, programmeId, {
      id: 'c1',
      at: at(4),
      kind: 'handover',
      idSiswa: data.students[6]!.idSiswa,
      handedAt: '2023-01-16',
      receivedBy: 'Ibu Kandung',
    });
    if (!card.ok) throw new Error(JSON.stringify(card.error));
  } finally {
    setLaptopClock(null);
  }
  // A change of a newer app, merged in.
  await db.changes.add({
    programmeId,
    seq: await nextSeq(db, programmeId),
    id: 'x.1',
    hlc: `${(T0 + 7_200_000).toString(36).padStart(11, '0')}-0000-laptop-new`,
    device: 'laptop-new',
    author: 'Pak Baru',
    kind: 'plan_published',
    payload: { visits: 3 },
  });
}
