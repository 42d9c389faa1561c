/**
 * The visit plan as an iCalendar file (RFC 5545) that phone and desktop calendars import: one all-day
 * event per team, day and school, with the school, the team and the students to record. Lines end in
 * CRLF and are folded at 75 octets; text values are escaped.
 */
import { addDays, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Visit } from './types.js';

/** What the calendar says about a school, by NPSN. */
export interface IcsSchool {
  readonly nama: string;
  readonly kecamatan?: string | undefined;
}

/** Options of {@link visitsToIcs}. */
export interface IcsOptions {
  /** The calendar's name (default "Perekaman KTP-el di sekolah"). */
  readonly name?: string | undefined;
  /** When the file is made, as an ISO timestamp in UTC (DTSTAMP); the same value gives the same file. */
  readonly stamp: string;
  readonly lang?: 'id' | 'en' | undefined;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (d: PlainDate): string =>
  `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;

function stampOf(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`stamp must be an ISO timestamp, got "${iso}"`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`;
}

/**
 * Writes the visits as an iCalendar file. Each event's UID is stable (date, team, NPSN), so importing a
 * re-made plan updates the events rather than doubling them. Throws for a visit with an invalid date.
 */
export function visitsToIcs(
  visits: readonly Visit[],
  schools: ReadonlyMap<string, IcsSchool>,
  options: IcsOptions,
): string {
  const en = options.lang === 'en';
  const stamp = stampOf(options.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sahaja//Rencana kunjungan//ID',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${text(options.name ?? (en ? 'KTP-el recording at schools' : 'Perekaman KTP-el di sekolah'))}`,
  ];
  for (const v of visits) {
    const date = parseIsoDate(v.date);
    if (!date) throw new RangeError(`visit date "${v.date}" is not YYYY-MM-DD`);
    const next = addDays(date, 1);
    const school = schools.get(v.npsn);
    const name = school?.nama ?? v.npsn;
    const summary = en
      ? `KTP-el recording: ${name} (${v.team})`
      : `Perekaman KTP-el: ${name} (${v.team})`;
    const description = en
      ? `NPSN ${v.npsn}. WAJIB students: ${v.wajib}; REKAM_DINI students: ${v.dini}.`
      : `NPSN ${v.npsn}. Siswa WAJIB: ${v.wajib}; siswa REKAM_DINI: ${v.dini}.`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${compact(date)}-${text(v.team.replace(/\s+/g, '-'))}-${v.npsn}@sahaja`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(date)}`,
      `DTEND;VALUE=DATE:${compact(next)}`,
      `SUMMARY:${text(summary)}`,
      `DESCRIPTION:${text(description)}`,
      ...(school?.kecamatan ? [`LOCATION:${text(`${name}, ${school.kecamatan}`)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
