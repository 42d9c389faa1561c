/**
 * The app's IndexedDB database (Dexie). Every row of a programme carries its `programmeId` as the first
 * part of its primary key, so one key range holds a whole programme and it can be replaced in one go.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { CardEvent, VisitEvent, VisitKey } from '@sahaja/core/field';
import { formatHlc, isDeviceId, type DomainEvent } from '@sahaja/core/sync';
import type {
  DemoSummary,
  Holiday,
  Resident,
  School,
  StudentMatch,
  StudentRecord,
  Team,
} from '../core/types';
import { defaultSettings, type ProgrammeSettings } from '../programme/settings';
import type { KeyringRecord } from '@sahaja/core/secure';
import { sealingMiddleware } from '../secure/sealing';

/** Name of the IndexedDB database on the laptop. */
export const DATABASE_NAME = 'sahaja';

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** How many rows of each kind a stored programme has. */
export interface ProgrammeCounts {
  readonly schools: number;
  readonly students: number;
  readonly residents: number;
  readonly teams: number;
  readonly holidays: number;
}

/** A programme's metadata; its records live in the other tables under the same `id`. */
export interface ProgrammeRow {
  readonly id: string;
  /** `demo` for the synthetic programme; `programme` for one set up by the user and filled by imports. */
  readonly kind: 'demo' | 'programme';
  readonly settings: ProgrammeSettings;
  /** What the demo generator made (demo programmes only). */
  readonly summary: DemoSummary | null;
  readonly counts: ProgrammeCounts;
  /** The local calendar date on which it was stored. */
  readonly storedOn: IsoDate;
}

type Owned<T> = T & { readonly programmeId: string };

/**
 * A school as the app stores it. Coordinates only when known: the demo's schools have them; a school
 * created from a student list, or imported from a schools file without `lintang`/`bujur`, has none.
 */
export type StoredSchool = Omit<School, 'latitude' | 'longitude'> & {
  readonly latitude?: number;
  readonly longitude?: number;
};

export type SchoolRow = Owned<StoredSchool>;
export type StudentRow = Owned<StudentRecord>;
export type ResidentRow = Owned<Resident>;
export type TeamRow = Owned<Team>;
export type HolidayRow = Owned<Holiday>;

/** A student's pemadanan result as last computed (the matcher's output, decisions applied). */
export type MatchRow = Owned<StudentMatch>;

/** A reviewer's decision on one (student, registry NIK) pair; re-runs of matching respect it. */
export interface DecisionRow {
  readonly programmeId: string;
  readonly idSiswa: string;
  readonly nik: string;
  readonly decision: 'accept' | 'reject';
  /** When it was decided (ISO timestamp). */
  readonly decidedAt: string;
}

/** A reviewer's decision on two listings the matcher took for the same student. */
export interface DuplicateDecisionRow {
  readonly programmeId: string;
  readonly idSiswa: string;
  readonly duplicateOf: string;
  readonly decision: 'same' | 'different';
  readonly decidedAt: string;
}

/** A computation's outcome kept with the programme: the matcher's or the planner's figures. */
export interface RunRow {
  readonly programmeId: string;
  readonly kind: 'matching' | 'plan';
  /** When it finished (ISO timestamp). */
  readonly finishedAt: string;
  /** The figures the screen shows (summary, blocking counts, plan quality); plain data. */
  readonly result: unknown;
}

/** One planned visit: a team at a school on a day, possibly pinned by the user. */
export interface VisitRow {
  readonly programmeId: string;
  readonly date: IsoDate;
  readonly team: string;
  readonly npsn: string;
  readonly wajib: number;
  readonly dini: number;
  readonly order: number;
  /** A pinned visit stays where it is when the plan is made again. */
  readonly pinned: boolean;
}

/** A team-day that will not happen (equipment failure, illness); re-planning moves its visits. */
export interface LostDayRow {
  readonly programmeId: string;
  readonly team: string;
  readonly date: IsoDate;
  readonly note: string;
}

/** One imported file: what it was, what it held and what went in. */
export interface ImportRow {
  readonly programmeId: string;
  readonly id: string;
  readonly fileName: string;
  readonly kind: 'student' | 'resident' | 'school' | 'team' | 'holiday';
  readonly importedAt: string;
  readonly accepted: number;
  readonly rejected: number;
  readonly warnings: number;
  /** NPSNs of the schools a student list held (its students replace theirs on a repeat import). */
  readonly schools: readonly string[];
}

/**
 * One event of a visit day (an outcome mark, a note, a walk-in, an undo), exactly as the core's
 * `validateVisitEvent` returned it. The log is append-only: rows are added, never changed or deleted
 * (a mistake is revoked by an undo event), so logs from several laptops can be merged (issue 9).
 */
export type VisitEventRow = Owned<VisitEvent> & {
  /** An undo is stored under the visit of the action it takes back, so a school's log holds it. */
  readonly visit: VisitKey;
};

/** One event of the card handover (handed over, or an undo of that), as `validateCardEvent` returned it. */
export type CardEventRow = Owned<CardEvent>;

/** A team's day signed off: the day summary as it was when the team leader closed the day. */
export interface DayClosureRow {
  readonly programmeId: string;
  readonly date: IsoDate;
  readonly team: string;
  /** Who signed the day off. */
  readonly closedBy: string;
  /** When (ISO timestamp). */
  readonly closedAt: string;
  readonly note: string;
}

/**
 * A change in the programme's log (`@sahaja/core/sync`): what laptops exchange and merge. `seq` is its
 * place in this laptop's log (1, 2, …, in the order it was stored here, made here or merged in), so
 * that "the changes since the last exchange with X" is a range.
 */
export type ChangeRow = Owned<DomainEvent> & { readonly seq: number };

/** A laptop this one exchanged files with, and how far the last file sent to it went. */
export interface PeerRow {
  readonly programmeId: string;
  readonly device: string;
  /** The name its user gave (the author of its latest change), for people to tell laptops apart. */
  readonly author: string;
  /** When a file from it was last merged in (ISO timestamp), or ''. */
  readonly lastImportAt: string;
  /** When a file for it was last made (ISO timestamp), or ''. */
  readonly lastExportAt: string;
  /** The last `seq` put in a file for it: the next file for it starts after. */
  readonly sentSeq: number;
}

/** The laptop's keyring: the data key, wrapped by the passphrase (see `secure/keyring-store.ts`). */
export interface KeyringRow {
  /** Always {@link KEYRING_ID}: one keyring per laptop database. */
  readonly id: string;
  readonly record: KeyringRecord;
  /** When the passphrase was set (ISO timestamp). */
  readonly createdAt: string;
}

/** The id of the laptop's one keyring row. */
export const KEYRING_ID = 'laptop';

/** The tables stored in plain text: no personal data in them (see `secure/sealing.ts`). */
export const PLAIN_TABLES = ['programmes', 'keyring'] as const;

/** The record each table holds, as the core sees it (without `programmeId`). */
export interface RecordTypes {
  readonly schools: StoredSchool;
  readonly students: StudentRecord;
  readonly residents: Resident;
  readonly teams: Team;
  readonly holidays: Holiday;
}

/** The tables that hold a programme's records (all but `programmes`). */
export const RECORD_TABLES = ['schools', 'students', 'residents', 'teams', 'holidays'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** The tables that hold what the user and the computations made of the records. */
export const WORK_TABLES = [
  'matches',
  'decisions',
  'duplicateDecisions',
  'runs',
  'visits',
  'lostDays',
  'imports',
  'visitEvents',
  'cardEvents',
  'dayClosures',
  'changes',
  'peers',
] as const;
export type WorkTable = (typeof WORK_TABLES)[number];

/** Every table with rows of a programme: replacing or deleting a programme clears them all. */
export const PROGRAMME_TABLES = [...RECORD_TABLES, ...WORK_TABLES] as const;

/** The demo programme's settings: the generator's reference date, Kabupaten Kediri, the defaults. */
export function demoSettings(summary: DemoSummary): ProgrammeSettings {
  return defaultSettings('Program contoh', summary.referenceDate);
}

/** Sahaja's database; open it with `new SahajaDatabase()` (or a name and fake IndexedDB in tests). */
export class SahajaDatabase extends Dexie {
  declare programmes: Table<ProgrammeRow, string>;
  declare schools: Table<SchoolRow, [string, string]>;
  /** Keyed by the school's own student id: unique within a programme. */
  declare students: Table<StudentRow, [string, string]>;
  /** Keyed by NIK: the registry holds each person once. */
  declare residents: Table<ResidentRow, [string, string]>;
  declare teams: Table<TeamRow, [string, string]>;
  /** Keyed by date and description: two holidays may fall on one date. */
  declare holidays: Table<HolidayRow, [string, string, string]>;
  declare matches: Table<MatchRow, [string, string]>;
  declare decisions: Table<DecisionRow, [string, string, string]>;
  declare duplicateDecisions: Table<DuplicateDecisionRow, [string, string, string]>;
  declare runs: Table<RunRow, [string, string]>;
  declare visits: Table<VisitRow, [string, string, string, string]>;
  declare lostDays: Table<LostDayRow, [string, string, string]>;
  declare imports: Table<ImportRow, [string, string]>;
  declare visitEvents: Table<VisitEventRow, [string, string]>;
  declare cardEvents: Table<CardEventRow, [string, string]>;
  declare dayClosures: Table<DayClosureRow, [string, string, string]>;
  declare changes: Table<ChangeRow, [string, string]>;
  declare peers: Table<PeerRow, [string, string]>;
  declare keyring: Table<KeyringRow, string>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    // Every table but the plain ones is sealed with the vault's keys; NIKs in keys become blind indexes.
    this.use(
      sealingMiddleware({
        plainTables: PLAIN_TABLES,
        blindFields: { residents: ['nik'], decisions: ['nik'] },
      }),
    );
    // Secondary indexes cost write time on every row (a third more for the 150,000-row registry), so
    // each comes with the feature that reads through it; students by school is the visit day's list.
    this.version(1).stores({
      programmes: 'id, kind',
      schools: '[programmeId+npsn], [programmeId+kecamatan]',
      students: '[programmeId+idSiswa], [programmeId+npsn]',
      residents: '[programmeId+nik]',
      teams: '[programmeId+tim]',
      holidays: '[programmeId+tanggal+keterangan]',
    });
    // Version 2: the office app. Programmes get settings; matching results, review decisions, the
    // visit plan and the import log are stored with their programme.
    this.version(2)
      .stores({
        matches: '[programmeId+idSiswa]',
        decisions: '[programmeId+idSiswa+nik]',
        duplicateDecisions: '[programmeId+idSiswa+duplicateOf]',
        runs: '[programmeId+kind]',
        visits: '[programmeId+date+team+npsn], [programmeId+npsn]',
        lostDays: '[programmeId+team+date]',
        imports: '[programmeId+id]',
      })
      .upgrade((tx) =>
        tx
          .table('programmes')
          .toCollection()
          .modify((row: { settings?: ProgrammeSettings; summary: DemoSummary }) => {
            row.settings ??= demoSettings(row.summary);
          }),
      );
    // Version 3: the field side. Visit-day events are read by school (a school's list with every
    // outcome marked there, over all its visit days) and by date (a team's day summary).
    this.version(3).stores({
      visitEvents: '[programmeId+id], [programmeId+visit.npsn], [programmeId+visit.date]',
      cardEvents: '[programmeId+id]',
      dayClosures: '[programmeId+date+team]',
    });
    // Version 4: laptops that merge their work. Every change is also a domain event in `changes`,
    // read in order by `seq`; the events stored before are copied into it, so nothing made on a
    // laptop before the upgrade is missing from its exchange files.
    this.version(4)
      .stores({
        changes: '[programmeId+id], [programmeId+seq]',
        peers: '[programmeId+device]',
      })
      .upgrade(async (tx) => {
        const rows: ChangeRow[] = [];
        const seqOf = new Map<string, number>();
        const add = (
          programmeId: string,
          kind: string,
          id: string,
          at: string,
          device: string | undefined,
          author: string | undefined,
          payload: object,
        ) => {
          const seq = (seqOf.get(programmeId) ?? 0) + 1;
          seqOf.set(programmeId, seq);
          const laptop = device && isDeviceId(device) ? device : 'before-v4';
          const wall = Math.max(0, Date.parse(at) || 0);
          rows.push({
            programmeId,
            seq,
            id,
            hlc: formatHlc({ wall, counter: 0, device: laptop }),
            device: laptop,
            author: author ?? '',
            kind,
            payload,
          });
        };
        const strip = <T extends { programmeId: string }>(row: T) => {
          const { programmeId: _programmeId, ...rest } = row;
          return rest;
        };
        for (const row of (await tx.table('visitEvents').toArray()) as VisitEventRow[]) {
          const event = strip(row) as VisitEvent & { visit?: VisitKey };
          // An undo is stored with the visit of its target; the event itself has none.
          const payload = event.kind === 'undo' ? { ...event, visit: undefined } : event;
          add(row.programmeId, 'visit', row.id, row.at, row.device, row.author, payload);
        }
        for (const row of (await tx.table('cardEvents').toArray()) as CardEventRow[]) {
          add(row.programmeId, 'card', row.id, row.at, row.device, row.author, strip(row));
        }
        for (const row of (await tx.table('dayClosures').toArray()) as DayClosureRow[]) {
          const { programmeId, date, team, closedBy, closedAt, note } = row;
          add(
            programmeId,
            'day_closed',
            `closed:${date}:${team}`.replace(/[^A-Za-z0-9:._-]/g, '_'),
            closedAt,
            undefined,
            closedBy,
            {
              date,
              team,
              closedBy,
              closedAt,
              note,
            },
          );
        }
        await tx
          .table('changes')
          .bulkAdd(rows.map((r) => JSON.parse(JSON.stringify(r)) as ChangeRow));
      });
    // Version 5: data at rest is encrypted. The keyring holds the data key wrapped by the passphrase;
    // the rows stay as they were until the passphrase is set, which seals them all in one go.
    this.version(5).stores({ keyring: 'id' });
  }
}
