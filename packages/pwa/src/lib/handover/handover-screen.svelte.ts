/**
 * The card handover screen's state: the early-recorded students (read in the worker) and the card
 * log, the date and school chosen, and what follows from them — the cards due, the cards awaiting
 * their 17th birthday, the handover visits, the cards handed over. Marking a card handed over, or
 * undoing the last handover, is one event checked by the core and stored before the screen shows it;
 * a refused or failed one changes nothing and says why.
 */
import { liveHandovers, type CardEvent, type FieldIssue } from '@sahaja/core/field';
import { localToday, type SahajaDatabase } from '../db';
import type { CardData, CardDataProgress } from './card-data';
import {
  appendCardEvent,
  eventStamp,
  handoverInput,
  lastHandover,
  readCardLog,
  undoInput,
  type EventStamp,
  type HandoverDraft,
} from './card-log';
import { deviceId, operatorName } from '../field/device';
import {
  cardsOn,
  filterDue,
  handedOver,
  indexCards,
  planCardHandovers,
  schoolOptions,
  type CardIndex,
  type DueCard,
  type SchoolOption,
} from './due-list';
import type { HandoverFailure, HandoverResult } from './handover-client';
import { realDate } from './print-list';

/** What the screen needs besides its own state; tests pass their own. */
export interface HandoverScreenDependencies {
  readonly db: () => SahajaDatabase;
  /** The worker's reading of the early-recorded students (see `HandoverClient.cardData`). */
  readonly cardData: (
    programmeId: string,
    onProgress?: (progress: CardDataProgress) => void,
  ) => Promise<HandoverResult<CardData>>;
  readonly storage: Storage | null;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/** Why the screen could not load: the worker's failure, or the card log could not be read. */
export type HandoverLoadFailure = HandoverFailure | { readonly code: 'storage'; message: string };

/** What the last action came to, for the status line. */
export type HandoverStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'saved' | 'undone'; readonly nama: string }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'refused'; readonly issues: readonly FieldIssue[] };

export class HandoverScreen {
  stage = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  progress = $state.raw<CardDataProgress | null>(null);
  failure = $state.raw<HandoverLoadFailure | null>(null);
  index = $state.raw<CardIndex | null>(null);
  log = $state.raw<readonly CardEvent[]>([]);

  /** The date the screen is "per" (`YYYY-MM-DD`; may be mid-typing). */
  on = $state('');
  /** The school shown (`''`: every school). */
  school = $state('');
  /** Narrows the cards due by name or NISN. */
  query = $state('');
  /** The handed-over list shows every date, not only the chosen one. */
  allDates = $state(false);

  /** The card whose handover form is open. */
  selected = $state.raw<DueCard | null>(null);
  draft = $state<HandoverDraft>({ receivedBy: '', handedAt: '', by: '', note: '' });
  /** The core's problems with the form's last save. */
  issues = $state.raw<readonly FieldIssue[]>([]);
  busy = $state(false);
  status = $state.raw<HandoverStatus>({ state: 'idle' });

  /** This laptop's id and the staff member's name, as the visit day keeps them. */
  readonly device: string;
  readonly operator: string;

  /** The chosen date when it is a real date, else null (nothing is computed then). */
  readonly date = $derived(realDate(this.on));
  readonly cards = $derived(
    this.index && this.date ? cardsOn(this.index, this.log, this.date) : null,
  );
  readonly schools = $derived<readonly SchoolOption[]>(
    this.index ? schoolOptions(this.index, this.cards?.due ?? []) : [],
  );
  /** The cards due shown: of the school chosen, matching the search. */
  readonly shown = $derived<readonly DueCard[]>(
    filterDue(this.cards?.due ?? [], this.school, this.query),
  );
  readonly plan = $derived(
    this.index && this.date && this.cards
      ? planCardHandovers(this.index, this.cards.awaiting, this.date)
      : null,
  );
  readonly visits = $derived(
    (this.plan?.visits ?? []).filter((v) => this.school === '' || v.npsn === this.school),
  );
  readonly handed = $derived(
    this.index
      ? handedOver(this.index, this.log, {
          npsn: this.school || null,
          on: this.allDates ? null : this.date,
        })
      : [],
  );
  /** Every card handed over in the programme. */
  readonly handedTotal = $derived(liveHandovers(this.log).size);
  /** The handover "undo" revokes (this laptop's last), or null. */
  readonly undoable = $derived.by(() => lastHandover(this.log, this.device));

  #deps: HandoverScreenDependencies;
  #programmeId: string | null = null;
  #run = 0;

  constructor(deps: HandoverScreenDependencies) {
    this.#deps = deps;
    this.device = deviceId(deps.storage);
    this.operator = operatorName(deps.storage);
    this.on = this.#today();
  }

  /** Reads programme `programmeId`'s early-recorded students and card log; a later load wins. */
  async load(programmeId: string): Promise<void> {
    const run = ++this.#run;
    this.#programmeId = programmeId;
    this.stage = 'loading';
    this.progress = null;
    this.failure = null;
    this.index = null;
    this.selected = null;
    this.status = { state: 'idle' };
    const [data, log] = await Promise.all([
      this.#deps.cardData(programmeId, (progress) => {
        if (run === this.#run) this.progress = progress;
      }),
      readCardLog(this.#deps.db(), programmeId).then(
        (events) => ({ ok: true as const, events }),
        (thrown: unknown) => ({ ok: false as const, message: messageOf(thrown) }),
      ),
    ]);
    if (run !== this.#run) return;
    if (!data.ok) {
      this.failure = data.error;
      this.stage = 'failed';
    } else if (!log.ok) {
      this.failure = { code: 'storage', message: log.message };
      this.stage = 'failed';
    } else {
      this.index = indexCards(data.value);
      this.log = log.events;
      this.stage = 'ready';
    }
  }

  /** Opens the handover form for `card`: received by nobody yet, on the chosen date, by the operator. */
  open(card: DueCard): void {
    this.selected = card;
    this.draft = {
      receivedBy: '',
      handedAt: this.date ?? this.#today(),
      by: this.operator,
      note: '',
    };
    this.issues = [];
    this.status = { state: 'idle' };
  }

  close(): void {
    this.selected = null;
    this.issues = [];
  }

  /** Stores the open form's handover; true when stored (the form closes), else the issues say why. */
  async save(): Promise<boolean> {
    const card = this.selected;
    const index = this.index;
    if (!card || !index || this.busy) return false;
    const input = handoverInput(card.idSiswa, $state.snapshot(this.draft), this.#stamp());
    const saved = await this.#append(input, index);
    if (!saved) return false;
    this.status = { state: 'saved', nama: card.nama };
    this.close();
    return true;
  }

  /** Revokes this laptop's last handover that still stands; the card is due again. */
  async undoLast(): Promise<boolean> {
    const target = this.undoable;
    const index = this.index;
    if (!target || !index || this.busy) return false;
    const saved = await this.#append(undoInput(target, this.#stamp()), index);
    if (saved) this.status = { state: 'undone', nama: this.nameOf(target.idSiswa) };
    return saved;
  }

  /** A student's name (their id when they are no longer among the early-recorded students). */
  nameOf(idSiswa: string): string {
    return this.index?.byId.get(idSiswa)?.nama ?? idSiswa;
  }

  async #append(input: unknown, index: CardIndex): Promise<boolean> {
    if (this.#programmeId === null) return false;
    this.busy = true;
    try {
      const result = await appendCardEvent(this.#deps.db(), this.#programmeId, input, {
        birthDates: index.birthDates,
        leapDayRule: index.data.leapDayRule,
      });
      if (result.ok) {
        this.log = result.log;
        this.issues = [];
        return true;
      }
      if (result.error.kind === 'invalid') {
        this.issues = result.error.issues;
        this.status = { state: 'refused', issues: result.error.issues };
      } else {
        this.status = { state: 'failed', message: result.error.message };
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  #stamp(): EventStamp {
    return eventStamp(this.device, this.operator, this.#deps.now?.(), this.#deps.newId?.());
  }

  #today(): string {
    return localToday(this.#deps.now?.());
  }
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
