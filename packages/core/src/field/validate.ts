/**
 * Reading field events that arrive as untyped data (a form, another laptop's file): every check names
 * the field it failed on and says why, in both languages, and nothing here throws on user data.
 */
import { isIsoDateText } from '../dates/plain-date.js';
import type { Issue, Message, Result } from '../domain/result.js';
import { parseNpsn } from '../identifiers/school-ids.js';
import type { VisitKey } from '../scheduling/types.js';

/** Why a field of an event was refused. */
export type FieldIssueCode =
  | 'not_an_object'
  | 'required'
  | 'not_text'
  | 'too_long'
  | 'control_character'
  | 'invalid_id'
  | 'id_taken'
  | 'invalid_timestamp'
  | 'invalid_date'
  | 'invalid_npsn'
  | 'unknown_kind'
  | 'unknown_outcome'
  | 'reason_required'
  | 'unknown_walk_in'
  | 'invalid_nik'
  | 'invalid_nisn'
  | 'invalid_sex'
  | 'birth_after_visit'
  | 'undo_unknown'
  | 'undo_of_undo'
  | 'already_undone'
  | 'already_handed_over'
  | 'before_17th_birthday';

/** A refused field: `field` is its path in the event (`visit.npsn`, `reason`), `''` for the whole. */
export interface FieldIssue extends Issue<FieldIssueCode> {
  readonly field: string;
}

/** An object read from untyped input. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** True for a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is RawRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A {@link FieldIssue}. */
export const fieldIssue = (
  field: string,
  code: FieldIssueCode,
  id: string,
  en: string,
): FieldIssue => ({ field, code, message: { id, en } });

/** The issues when there are any, else the value read. */
export function resultOf<T>(
  value: T | undefined,
  issues: readonly FieldIssue[],
): Result<T, FieldIssue> {
  const [first, ...rest] = issues;
  if (first) return { ok: false, issues: [first, ...rest] };
  if (value === undefined) throw new Error('a field reader returned nothing and no issue');
  return { ok: true, value };
}

/** How a text field is read. */
export interface TextRule {
  /** The field's name in prose, in both languages. */
  readonly label: Message;
  /** Most characters allowed, after trimming. */
  readonly max: number;
  /** Line breaks are kept (notes); otherwise every run of white space becomes one space. */
  readonly multiline?: boolean;
}

/** Control characters other than tab and line breaks: never typed, usually a sign of corrupt data. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/**
 * Reads an optional text field, trimmed (and, unless multiline, with white space collapsed). A
 * missing, `null` or blank value is `undefined`.
 */
export const readText = (
  raw: RawRecord,
  key: string,
  rule: TextRule,
  issues: FieldIssue[],
): string | undefined => readTextField(raw, key, rule, issues, false, key);

/** Reads a text field like {@link readText}; a missing or blank value is an issue. */
export const requireText = (
  raw: RawRecord,
  key: string,
  rule: TextRule,
  issues: FieldIssue[],
  path = key,
): string | undefined => readTextField(raw, key, rule, issues, true, path);

function readTextField(
  raw: RawRecord,
  key: string,
  rule: TextRule,
  issues: FieldIssue[],
  required: boolean,
  path: string,
): string | undefined {
  const value = raw[key];
  const { label } = rule;
  if (value !== undefined && value !== null && typeof value !== 'string') {
    issues.push(
      fieldIssue(
        path,
        'not_text',
        `${label.id} harus berupa teks.`,
        `The ${label.en} must be text.`,
      ),
    );
    return undefined;
  }
  const text = rule.multiline
    ? (value ?? '').replace(/\r\n?/g, '\n').trim()
    : (value ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') {
    if (required)
      issues.push(
        fieldIssue(path, 'required', `${label.id} wajib diisi.`, `The ${label.en} is required.`),
      );
    return undefined;
  }
  if (hasControlCharacter(text)) {
    issues.push(
      fieldIssue(
        path,
        'control_character',
        `${label.id} berisi karakter kontrol yang tidak bisa diketik; periksa sumber datanya.`,
        `The ${label.en} holds control characters no one types; check where the data came from.`,
      ),
    );
    return undefined;
  }
  const length = [...text].length;
  if (length > rule.max) {
    issues.push(
      fieldIssue(
        path,
        'too_long',
        `${label.id} paling banyak ${rule.max} karakter, bukan ${length}.`,
        `The ${label.en} has at most ${rule.max} characters, not ${length}.`,
      ),
    );
    return undefined;
  }
  return text;
}

/** Reads a required calendar date written `YYYY-MM-DD`. */
export function readIsoDate(
  raw: RawRecord,
  key: string,
  label: Message,
  issues: FieldIssue[],
  path = key,
): string | undefined {
  const text = requireText(raw, key, { label, max: 10 }, issues, path);
  if (text === undefined) return undefined;
  if (isIsoDateText(text)) return text;
  issues.push(
    fieldIssue(
      path,
      'invalid_date',
      `${label.id} harus tanggal yang ada, ditulis YYYY-MM-DD (mis. 2023-01-16).`,
      `The ${label.en} must be a real date written YYYY-MM-DD (e.g. 2023-01-16).`,
    ),
  );
  return undefined;
}

const TEAM: TextRule = { label: { id: 'Tim', en: 'team' }, max: 100 };

/** Reads the `visit` field: which team at which school on which day. */
export function readVisitKey(raw: RawRecord, issues: FieldIssue[]): VisitKey | undefined {
  const visit = raw['visit'];
  if (!isRecord(visit)) {
    issues.push(
      fieldIssue(
        'visit',
        visit === undefined || visit === null ? 'required' : 'not_an_object',
        'Kunjungan (tanggal, tim, NPSN) wajib diisi.',
        'The visit (date, team, NPSN) is required.',
      ),
    );
    return undefined;
  }
  const before = issues.length;
  const date = readIsoDate(
    visit,
    'date',
    { id: 'Tanggal kunjungan', en: 'visit date' },
    issues,
    'visit.date',
  );
  const team = requireText(visit, 'team', TEAM, issues, 'visit.team');
  const npsnText = requireText(
    visit,
    'npsn',
    { label: { id: 'NPSN', en: 'NPSN' }, max: 20 },
    issues,
    'visit.npsn',
  );
  const npsn = npsnText === undefined ? undefined : parseNpsn(npsnText);
  if (npsn && !npsn.ok)
    issues.push({ field: 'visit.npsn', code: 'invalid_npsn', message: npsn.issues[0].message });
  if (issues.length > before || !date || !team || !npsn?.ok) return undefined;
  return { date, team, npsn: npsn.value };
}
