import type { MatchSummary, StudentMatch } from '../../core/types';

/** The summary a pemadanan run over `matches` against `registry` residents reports (for tests). */
export function summaryOf(
  matches: readonly StudentMatch[],
  registry: number,
  duplicateGroups = 0,
): MatchSummary {
  const byStatus = { COCOK: 0, PERLU_REVIEW: 0, TIDAK_COCOK: 0 };
  const byReason = {
    accepted: 0,
    confident: 0,
    uncertain: 0,
    ambiguous: 0,
    weak_identity: 0,
    taken: 0,
    duplicate: 0,
    rejected: 0,
    not_found: 0,
  };
  for (const m of matches) {
    byStatus[m.status] += 1;
    byReason[m.reason] += 1;
  }
  return {
    students: matches.length,
    registry,
    byStatus,
    byReason,
    candidatePairs: 99,
    duplicateGroups,
    unusedDecisions: 0,
    unusedDuplicateDecisions: 0,
  };
}
