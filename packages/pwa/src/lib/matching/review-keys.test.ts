import { describe, expect, it } from 'vitest';
import { cursorIn, nextOpen, stepCursor } from './queue-cursor';
import { queueCommand, type KeyPress } from './review-keys';

/** A key pressed on the page body with no modifier, unless told otherwise. */
function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    repeat: false,
    defaultPrevented: false,
    target: { tagName: 'BODY' },
    ...extra,
  };
}

describe('queueCommand', () => {
  it('accepts with A and rejects with R, in either case', () => {
    expect(queueCommand(press('a'))).toEqual({ kind: 'accept' });
    expect(queueCommand(press('A'))).toEqual({ kind: 'accept' });
    expect(queueCommand(press('r'))).toEqual({ kind: 'reject' });
    expect(queueCommand(press('R'))).toEqual({ kind: 'reject' });
  });

  it('moves with the arrow keys and with J / K, and jumps to the next open one with N', () => {
    expect(queueCommand(press('ArrowRight'))).toEqual({ kind: 'next' });
    expect(queueCommand(press('ArrowLeft'))).toEqual({ kind: 'previous' });
    expect(queueCommand(press('j'))).toEqual({ kind: 'next' });
    expect(queueCommand(press('K'))).toEqual({ kind: 'previous' });
    expect(queueCommand(press('n'))).toEqual({ kind: 'nextOpen' });
  });

  it('shows candidate 1 to 5 with the digit keys', () => {
    expect(queueCommand(press('1'))).toEqual({ kind: 'candidate', index: 0 });
    expect(queueCommand(press('5'))).toEqual({ kind: 'candidate', index: 4 });
    expect(queueCommand(press('6'))).toBeNull();
    expect(queueCommand(press('0'))).toBeNull();
  });

  it('acts on keys pressed on a button, a radio or a checkbox', () => {
    expect(queueCommand(press('a', { target: { tagName: 'BUTTON' } }))).toEqual({
      kind: 'accept',
    });
    expect(queueCommand(press('r', { target: { tagName: 'INPUT', type: 'radio' } }))).toEqual({
      kind: 'reject',
    });
    expect(queueCommand(press('j', { target: { tagName: 'input', type: 'checkbox' } }))).toEqual({
      kind: 'next',
    });
    expect(queueCommand(press('a', { target: null }))).toEqual({ kind: 'accept' });
  });

  describe('leaves alone', () => {
    it.each([
      ['a text field', { tagName: 'INPUT', type: 'text' }],
      ['a search field', { tagName: 'INPUT', type: 'search' }],
      ['a field of no stated type', { tagName: 'INPUT' }],
      ['a text area', { tagName: 'TEXTAREA' }],
      ['a select', { tagName: 'SELECT' }],
      ['an editable element', { tagName: 'DIV', isContentEditable: true }],
    ])('keys typed into %s', (_, target) => {
      for (const key of ['a', 'r', 'ArrowLeft', 'ArrowRight', 'j', 'n', '1']) {
        expect(queueCommand(press(key, { target })), key).toBeNull();
      }
    });

    it('shortcuts with Ctrl, Alt or Meta (Ctrl+R reloads, Ctrl+A selects all)', () => {
      expect(queueCommand(press('r', { ctrlKey: true }))).toBeNull();
      expect(queueCommand(press('a', { metaKey: true }))).toBeNull();
      expect(queueCommand(press('ArrowLeft', { altKey: true }))).toBeNull();
    });

    it('arrow keys on a radio button, which move between the radios themselves', () => {
      const radio = { tagName: 'INPUT', type: 'radio' };
      expect(queueCommand(press('ArrowRight', { target: radio }))).toBeNull();
      expect(queueCommand(press('ArrowLeft', { target: radio }))).toBeNull();
    });

    it('A or R held down: one press is one decision', () => {
      expect(queueCommand(press('a', { repeat: true }))).toBeNull();
      expect(queueCommand(press('r', { repeat: true }))).toBeNull();
      expect(queueCommand(press('ArrowRight', { repeat: true }))).toEqual({ kind: 'next' });
    });

    it('a key another handler already took, and keys of no command', () => {
      expect(queueCommand(press('a', { defaultPrevented: true }))).toBeNull();
      for (const key of ['Enter', ' ', 'Tab', 'Escape', 'x', 'ArrowUp', 'Home']) {
        expect(queueCommand(press(key)), key).toBeNull();
      }
    });
  });
});

describe('queue cursor', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('steps forward and back, staying at the ends', () => {
    expect(stepCursor(ids, 'b', 1)).toBe('c');
    expect(stepCursor(ids, 'b', -1)).toBe('a');
    expect(stepCursor(ids, 'd', 1)).toBe('d');
    expect(stepCursor(ids, 'a', -1)).toBe('a');
  });

  it('starts at the first id when none is current, or the current one left', () => {
    expect(stepCursor(ids, null, 1)).toBe('a');
    expect(stepCursor(ids, 'gone', -1)).toBe('a');
    expect(stepCursor([], 'a', 1)).toBeNull();
  });

  it('finds the next open id after the current one, going round past the end', () => {
    const open = new Set(['a', 'c']);
    expect(nextOpen(ids, 'a', (id) => open.has(id))).toBe('c');
    expect(nextOpen(ids, 'c', (id) => open.has(id))).toBe('a');
    expect(nextOpen(ids, null, (id) => open.has(id))).toBe('a');
  });

  it('finds no next open id when only the current one, or none, is open', () => {
    expect(nextOpen(ids, 'c', (id) => id === 'c')).toBeNull();
    expect(nextOpen(ids, 'b', () => false)).toBeNull();
    expect(nextOpen([], null, () => true)).toBeNull();
  });

  it('keeps the id in view while it is in the queue, else takes the one now at its place', () => {
    expect(cursorIn(ids, 'c', 0)).toBe('c');
    expect(cursorIn(['a', 'b', 'd'], 'c', 2)).toBe('d');
    expect(cursorIn(['a', 'b'], 'c', 2)).toBe('b');
    expect(cursorIn(ids, null, 0)).toBe('a');
    expect(cursorIn([], 'c', 2)).toBeNull();
  });
});
