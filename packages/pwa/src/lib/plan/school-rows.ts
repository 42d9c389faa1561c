/**
 * A plan per school: each school with its visit days and teams, the WAJIB and REKAM_DINI students
 * planned against its targets, and whether it is served in full.
 */
import type { PlanFigures, StoredSchool, VisitRow } from '../db';

/**
 * How a school stands in the plan: every target student planned (`complete`), some not (`partial`),
 * none (`unplanned`), or no target students to plan (`none`).
 */
export type SchoolPlanStatus = 'complete' | 'partial' | 'unplanned' | 'none';

/** One school of the plan. */
export interface SchoolPlanRow {
  readonly npsn: string;
  readonly nama: string;
  readonly kecamatan: string;
  readonly target: { readonly wajib: number; readonly dini: number };
  readonly planned: { readonly wajib: number; readonly dini: number };
  /** The school's visits in date order. */
  readonly visits: readonly VisitRow[];
  /** Its teams, each once, in the order they come. */
  readonly teams: readonly string[];
  /** Students not served, by reason. */
  readonly unserved: PlanFigures['unserved'];
  readonly status: SchoolPlanStatus;
}

/**
 * The plan's rows per school: the programme's schools in name order, then any school that has visits
 * or targets but is no longer in the list (named by NPSN).
 */
export function schoolRows(
  schools: readonly Pick<StoredSchool, 'npsn' | 'nama' | 'kecamatan'>[],
  visits: readonly VisitRow[],
  figures: PlanFigures | null,
): SchoolPlanRow[] {
  const targets = new Map((figures?.targets ?? []).map((t) => [t.npsn, t]));
  const byNpsn = new Map<string, VisitRow[]>();
  for (const v of visits) {
    const list = byNpsn.get(v.npsn);
    if (list) list.push(v);
    else byNpsn.set(v.npsn, [v]);
  }
  const known = new Set(schools.map((s) => s.npsn));
  const extra = [...new Set([...byNpsn.keys(), ...targets.keys()])]
    .filter((npsn) => !known.has(npsn))
    .map((npsn) => ({ npsn, nama: npsn, kecamatan: '' }));
  const all = [
    ...[...schools].sort((a, b) => a.nama.localeCompare(b.nama) || a.npsn.localeCompare(b.npsn)),
    ...extra.sort((a, b) => a.npsn.localeCompare(b.npsn)),
  ];
  return all.map((s) => {
    const own = [...(byNpsn.get(s.npsn) ?? [])].sort(
      (a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team),
    );
    const target = targets.get(s.npsn) ?? { wajib: 0, dini: 0 };
    const planned = {
      wajib: own.reduce((sum, v) => sum + v.wajib, 0),
      dini: own.reduce((sum, v) => sum + v.dini, 0),
    };
    const wanted = target.wajib + target.dini;
    const got = planned.wajib + planned.dini;
    const status: SchoolPlanStatus =
      wanted === 0 && got === 0
        ? 'none'
        : got === 0
          ? 'unplanned'
          : planned.wajib >= target.wajib && planned.dini >= target.dini
            ? 'complete'
            : 'partial';
    return {
      npsn: s.npsn,
      nama: s.nama,
      kecamatan: s.kecamatan,
      target: { wajib: target.wajib, dini: target.dini },
      planned,
      visits: own,
      teams: [...new Set(own.map((v) => v.team))],
      unserved: (figures?.unserved ?? []).filter((u) => u.npsn === s.npsn),
      status,
    };
  });
}

/** Which rows the school list shows. */
export interface SchoolRowFilter {
  /** Part of the name or NPSN (case ignored); empty for all. */
  readonly query: string;
  /** Only schools with this status; null for all. */
  readonly status: SchoolPlanStatus | null;
}

/** The rows that match the filter, in their order. */
export function filterSchoolRows(
  rows: readonly SchoolPlanRow[],
  filter: SchoolRowFilter,
): SchoolPlanRow[] {
  const query = filter.query.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (filter.status === null || r.status === filter.status) &&
      (query === '' || r.nama.toLowerCase().includes(query) || r.npsn.includes(query)),
  );
}
