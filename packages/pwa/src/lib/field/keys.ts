/**
 * The keys of the visit day: one key per outcome, shown on its button. Letters of the Indonesian
 * words (Terekam, tidak Hadir, Menolak, Gagal, tidak memenuhi Syarat), so the keys read as the labels.
 */
import type { VisitOutcome } from '@sahaja/core/field';

export const OUTCOME_KEYS: readonly { readonly outcome: VisitOutcome; readonly key: string }[] = [
  { outcome: 'recorded', key: 't' },
  { outcome: 'absent', key: 'h' },
  { outcome: 'refused', key: 'm' },
  { outcome: 'failed', key: 'g' },
  { outcome: 'not_eligible', key: 's' },
];

/** The outcome a key marks (Enter marks recorded), or null. */
export function outcomeForKey(key: string): VisitOutcome | null {
  if (key === 'Enter') return 'recorded';
  const lower = key.toLowerCase();
  return OUTCOME_KEYS.find((k) => k.key === lower)?.outcome ?? null;
}
