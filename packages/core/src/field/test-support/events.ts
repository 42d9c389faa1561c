/** Builders for field events in tests: valid by default, minutes after 08:00 on the visit's day. */
import type { VisitOutcome } from '../../scheduling/mop-up.js';
import type { VisitKey } from '../../scheduling/types.js';
import type { UndoEvent } from '../events.js';
import type { NoteEvent, OutcomeMark } from '../marks.js';
import type { WalkInEvent } from '../walk-ins.js';

export const VISIT: VisitKey = { date: '2023-01-16', team: 'Tim 1', npsn: '20512345' };
export const OTHER_VISIT: VisitKey = { date: '2023-01-17', team: 'Tim 1', npsn: '20512345' };

/** The timestamp `minute` minutes after 08:00 UTC on `date`. */
export const at = (minute: number, date = VISIT.date): string =>
  new Date(Date.parse(`${date}T08:00:00Z`) + minute * 60_000).toISOString();

export const mark = (
  id: string,
  idSiswa: string,
  outcome: VisitOutcome,
  minute: number,
  extra: Partial<OutcomeMark> = {},
): OutcomeMark => ({
  id,
  at: at(minute, extra.visit?.date),
  kind: 'mark',
  visit: VISIT,
  idSiswa,
  outcome,
  ...(outcome === 'failed' || outcome === 'not_eligible' ? { reason: 'sidik jari' } : {}),
  ...extra,
});

export const undo = (id: string, undoes: string, minute: number): UndoEvent => ({
  id,
  at: at(minute),
  kind: 'undo',
  undoes,
});

export const note = (
  id: string,
  text: string,
  minute: number,
  extra: Partial<NoteEvent> = {},
): NoteEvent => ({
  id,
  at: at(minute),
  kind: 'note',
  visit: VISIT,
  text,
  ...extra,
});

export const walkIn = (
  id: string,
  minute: number,
  extra: Partial<WalkInEvent> = {},
): WalkInEvent => ({
  id,
  at: at(minute),
  kind: 'walk_in',
  visit: VISIT,
  nama: 'Siti Aminah',
  needsMatching: true,
  ...extra,
});
