/**
 * The keyboard of the review queues, as a pure function of a key press so it is tested without a
 * page: A accepts, R rejects, ← / → (or K / J) move through the queue, N jumps to the next student
 * still waiting, 1–5 show another candidate. Keys typed into a text field, or pressed with Ctrl, Alt
 * or Meta (browser and system shortcuts), are left alone.
 */

/** What a key press asks the queue to do. */
export type QueueCommand =
  | { readonly kind: 'accept' }
  | { readonly kind: 'reject' }
  | { readonly kind: 'next' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'nextOpen' }
  /** Show the candidate at this index (0-based) beside the student. */
  | { readonly kind: 'candidate'; readonly index: number };

/** The parts of a `KeyboardEvent` the queue looks at. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** True while a key is held down and repeats. */
  readonly repeat: boolean;
  readonly defaultPrevented: boolean;
  /** The focused element the key was pressed in (its tag name, input type, editability). */
  readonly target: {
    readonly tagName?: string | undefined;
    readonly type?: string | undefined;
    readonly isContentEditable?: boolean | undefined;
  } | null;
}

/** Input types that take no typing: keys pressed on them are the queue's. */
const NOT_TYPED = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color']);

/** Whether the key goes into a field the person is typing in. */
function typing(target: KeyPress['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TYPED.has((target.type ?? 'text').toLowerCase());
}

/** The candidate keys 1 to 5 (the core lists at most five candidates). */
const CANDIDATE_KEYS = ['1', '2', '3', '4', '5'];

/**
 * The command of a key press, or null when the queue must not act on it (typing, a shortcut, a key
 * already handled, an arrow key on a radio button, which moves between the radios itself, or A / R
 * held down: a decision is one press).
 */
export function queueCommand(press: KeyPress): QueueCommand | null {
  if (press.defaultPrevented || press.ctrlKey || press.altKey || press.metaKey) return null;
  if (typing(press.target)) return null;
  const onRadio =
    (press.target?.tagName ?? '').toUpperCase() === 'INPUT' &&
    (press.target?.type ?? '').toLowerCase() === 'radio';
  switch (press.key) {
    case 'a':
    case 'A':
      return press.repeat ? null : { kind: 'accept' };
    case 'r':
    case 'R':
      return press.repeat ? null : { kind: 'reject' };
    case 'ArrowRight':
      return onRadio ? null : { kind: 'next' };
    case 'ArrowLeft':
      return onRadio ? null : { kind: 'previous' };
    case 'j':
    case 'J':
      return { kind: 'next' };
    case 'k':
    case 'K':
      return { kind: 'previous' };
    case 'n':
    case 'N':
      return { kind: 'nextOpen' };
    default: {
      const index = CANDIDATE_KEYS.indexOf(press.key);
      return index >= 0 ? { kind: 'candidate', index } : null;
    }
  }
}

/** The {@link KeyPress} of a keyboard event on the page. */
export function keyPressOf(event: KeyboardEvent): KeyPress {
  const target = event.target instanceof HTMLElement ? event.target : null;
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    repeat: event.repeat,
    defaultPrevented: event.defaultPrevented,
    target: target && {
      tagName: target.tagName,
      type: target instanceof HTMLInputElement ? target.type : undefined,
      isContentEditable: target.isContentEditable,
    },
  };
}
