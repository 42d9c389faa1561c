/**
 * Facts that one event sets and a later one changes — a reviewer's decision on a pair, a day's
 * closing, a school's detail — read from a merged log as multi-value registers: each event names the
 * events it replaces (those its laptop held as current); the events no other replaces are the heads.
 * One head: that is the value. Several heads that disagree: two laptops changed the fact without
 * seeing each other's change. The latest head stands (by hybrid timestamp, then id: the same on every
 * laptop), and the others are reported so that a person sees the conflict and can settle it with a
 * new event that replaces them all.
 */
import { canonicalJson } from './canonical.js';
import { compareDomainEvents, type DomainEvent } from './log.js';

/** A fact's value as one event set it. */
export interface RegisterEntry<V> {
  readonly event: DomainEvent;
  readonly value: V;
}

/** A fact as the log has it. */
export interface Register<V> extends RegisterEntry<V> {
  readonly key: string;
  /** Concurrent changes with another value, latest first; empty when there is no conflict. */
  readonly conflicting: readonly RegisterEntry<V>[];
  /**
   * Every event no other replaces (those that agree included), sorted: what a new event of this fact
   * names in `replaces`, so that it settles the fact whatever the heads said.
   */
  readonly heads: readonly string[];
}

/**
 * Reads every fact that `read` finds in the log (`read` gives an event's key and value, or null for
 * an event of another kind). The result depends on the set of events only, never on their order.
 *
 * @example
 * const decisions = resolveRegisters(log, (e) =>
 *   e.kind === 'review_decision' ? { key: pairKey(e.payload), value: e.payload.decision } : null,
 * );
 */
export function resolveRegisters<V>(
  events: readonly DomainEvent[],
  read: (event: DomainEvent) => { readonly key: string; readonly value: V } | null,
): Map<string, Register<V>> {
  const byKey = new Map<string, RegisterEntry<V>[]>();
  for (const event of events) {
    const found = read(event);
    if (!found) continue;
    const list = byKey.get(found.key) ?? [];
    list.push({ event, value: found.value });
    byKey.set(found.key, list);
  }
  const registers = new Map<string, Register<V>>();
  for (const [key, entries] of byKey) {
    const replaced = new Set(entries.flatMap((e) => e.event.replaces ?? []));
    const heads = entries
      .filter((e) => !replaced.has(e.event.id))
      .sort((a, b) => compareDomainEvents(b.event, a.event));
    // A cycle of replacements (only a forged log makes one) leaves no head: then all entries are.
    const [winner, ...others] = (heads.length > 0 ? heads : entries) as [
      RegisterEntry<V>,
      ...RegisterEntry<V>[],
    ];
    const value = canonicalJson(winner.value ?? null);
    const seen = new Set<string>();
    const conflicting = others.filter((e) => {
      const text = canonicalJson(e.value ?? null);
      if (text === value || seen.has(e.event.id)) return false;
      seen.add(e.event.id);
      return true;
    });
    const headIds = (heads.length > 0 ? heads : entries).map((e) => e.event.id).sort();
    registers.set(key, {
      key,
      event: winner.event,
      value: winner.value,
      conflicting,
      heads: [...new Set(headIds)],
    });
  }
  return registers;
}
