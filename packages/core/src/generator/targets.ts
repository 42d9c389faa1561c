import type { PlanSchool } from '../scheduling/types.js';
import { eligibilityEvaluator } from '../eligibility/evaluate.js';
import { createEligibilityPolicy } from '../eligibility/policy.js';
import { parseIsoDate } from '../dates/plain-date.js';
import type { DemoProgramme } from './types.js';

/**
 * Each school's planning targets in a generated programme, as pemadanan and eligibility would give them
 * with no mistakes: every listed student who is in the registry (each once, at the school that lists
 * them first) is decided on the reference date in Kabupaten Kediri, and WAJIB and REKAM_DINI counted.
 * Coordinates come along, for travel between schools. `minimumAge` is the policy's recording age.
 */
export function schoolTargets(programme: DemoProgramme, minimumAge = 16): PlanSchool[] {
  const reference = parseIsoDate(programme.summary.referenceDate);
  if (!reference) throw new RangeError('schoolTargets: the programme has no valid reference date');
  const policy = createEligibilityPolicy({
    referenceDate: reference,
    regions: ['3506'],
    minimumAge,
  });
  if (!policy.ok) throw new RangeError(`schoolTargets: ${policy.issues[0].message.en}`);
  const evaluate = eligibilityEvaluator(policy.value);
  const residents = new Map(programme.registry.map((r) => [r.nik, r]));
  const npsnOf = new Map(programme.students.map((s) => [s.idSiswa, s.npsn]));
  const counts = new Map<string, { wajib: number; dini: number }>();
  const seen = new Set<string>();
  for (const t of programme.truth) {
    const resident = residents.get(t.nik);
    if (!resident || seen.has(t.personId)) continue;
    seen.add(t.personId);
    const category = evaluate(resident).category;
    const npsn = npsnOf.get(t.idSiswa) ?? '';
    const c = counts.get(npsn) ?? { wajib: 0, dini: 0 };
    if (category === 'WAJIB') c.wajib++;
    else if (category === 'REKAM_DINI') c.dini++;
    counts.set(npsn, c);
  }
  return programme.schools.map((s) => ({
    npsn: s.npsn,
    nama: s.nama,
    kecamatan: s.kecamatan,
    waktuTempuhMenit: s.waktuTempuhMenit,
    jumlahWajib: counts.get(s.npsn)?.wajib ?? 0,
    jumlahDini: counts.get(s.npsn)?.dini ?? 0,
    tanggalTidakBisa: s.tanggalTidakBisa,
    latitude: s.latitude,
    longitude: s.longitude,
  }));
}
