import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS, isAuditKind } from './audit.js';
import { formatHlc } from './hlc.js';
import { mergeLogs, readDomainEvent, type DomainEvent } from './log.js';
import { deriveState, DOMAIN_EVENT_KINDS } from './state.js';

const T0 = Date.parse('2023-01-16T01:00:00Z');

function change(minute: number, kind: string, payload: object): DomainEvent {
  return {
    id: `laptop-a.${kind}.${minute}`,
    hlc: formatHlc({ wall: T0 + minute * 60_000, counter: 0, device: 'laptop-a' }),
    device: 'laptop-a',
    author: 'Petugas kantor',
    kind,
    payload,
  };
}

const AUDIT_LOG: readonly DomainEvent[] = [
  change(1, 'imported', {
    fileName: 'siswa.xlsx',
    kind: 'student',
    accepted: 20,
    rejected: 1,
    warnings: 2,
  }),
  change(2, 'matching_run', {
    students: 20,
    registry: 40,
    byStatus: { COCOK: 18, PERLU_REVIEW: 1, TIDAK_COCOK: 1 },
    walkIns: 0,
    decisions: 0,
    duplicateDecisions: 0,
  }),
  change(3, 'plan_made', {
    mode: 'normal',
    visits: 4,
    pinned: 0,
    workingDays: 3,
    lowerBound: 2,
    gap: 1,
    finish: '2023-01-18',
  }),
  change(4, 'visit_moved', {
    npsn: '20510000',
    from: { date: '2023-01-16', team: 'Tim 1' },
    to: { date: '2023-01-17', team: 'Tim 2' },
  }),
  change(5, 'settings_changed', { parts: ['name'] }),
];

describe('audit-only kinds', () => {
  it('are known: kept out of the unknown kinds, and none changes the state', () => {
    const state = deriveState(AUDIT_LOG);
    expect(state.unknownKinds).toEqual({});
    expect(state.refused).toEqual([]);
    expect(state.conflicts).toEqual([]);
    expect(state.outcomes.size + state.handovers.size + state.reviewDecisions.size).toBe(0);
    expect(state.duplicateDecisions.size + state.dayClosures.size).toBe(0);
  });

  it('are read from a file like any change and survive a merge unchanged', () => {
    for (const event of AUDIT_LOG)
      expect(readDomainEvent(event)).toEqual({ ok: true, value: event });
    const { log, added } = mergeLogs([], AUDIT_LOG);
    expect(added).toEqual(log);
    expect(mergeLogs(log, AUDIT_LOG).added).toEqual([]);
  });

  it('are told apart from the kinds that are applied, and from kinds this version does not know', () => {
    expect(AUDIT_KINDS.every(isAuditKind)).toBe(true);
    expect(DOMAIN_EVENT_KINDS.some((k) => isAuditKind(k))).toBe(false);
    expect(isAuditKind('plan_published')).toBe(false);
    const state = deriveState([...AUDIT_LOG, change(9, 'plan_published', { visits: 3 })]);
    expect(state.unknownKinds).toEqual({ plan_published: 1 });
  });
});
