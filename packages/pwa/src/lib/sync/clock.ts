/**
 * This laptop's hybrid logical clock (`@sahaja/core/sync`). Its state is kept in local storage and read
 * again for every stamp, so stamps keep growing across reloads and tabs of the same laptop.
 */
import { HybridClock, parseHlc, type Hlc } from '@sahaja/core/sync';
import { browserStorage, deviceId, operatorName } from '../field/device';

/** Where the clock's last stamp is kept. */
export const CLOCK_KEY = 'sahaja.clock';

/** Who makes changes on this laptop: its id, and the staff member's name (may be empty). */
export interface Actor {
  readonly device: string;
  readonly author: string;
}

/** Stamps changes and takes in other laptops' stamps; `storage` null keeps the state in memory. */
export class LaptopClock {
  readonly #storage: Storage | null;
  readonly #now: () => number;
  #memory: Hlc | undefined;
  #memoryDevice: string | undefined;

  constructor(
    storage: Storage | null = browserStorage(),
    now: () => number = Date.now,
    device?: string,
  ) {
    this.#storage = storage;
    this.#now = now;
    this.#memoryDevice = device;
  }

  /** The laptop's id and the name of the staff member at it. */
  actor(): Actor {
    return { device: this.#device(), author: operatorName(this.#storage) };
  }

  /** Without storage, one id for the clock's life (a page, or a test's laptop). */
  #device(): string {
    this.#memoryDevice ??= deviceId(this.#storage);
    return this.#storage ? deviceId(this.#storage) : this.#memoryDevice;
  }

  /** A stamp for a change made now, later than every stamp made or observed on this laptop. */
  stamp(): string {
    const clock = this.#clock();
    const stamp = clock.now();
    this.#save(clock.state());
    return stamp;
  }

  /** Takes in stamps read from another laptop's file. */
  observe(stamps: Iterable<string>): void {
    const clock = this.#clock();
    for (const stamp of stamps) clock.observe(stamp);
    this.#save(clock.state());
  }

  #clock(): HybridClock {
    const state = this.#read();
    return new HybridClock(this.#device(), { now: this.#now, ...(state && { state }) });
  }

  #read(): Hlc | undefined {
    try {
      const text = this.#storage?.getItem(CLOCK_KEY);
      if (!text) return this.#memory;
      const value = JSON.parse(text) as Partial<Hlc>;
      return Number.isSafeInteger(value.wall) && Number.isSafeInteger(value.counter)
        ? { wall: value.wall as number, counter: value.counter as number, device: '' }
        : this.#memory;
    } catch {
      return this.#memory;
    }
  }

  #save(state: Hlc): void {
    this.#memory = state;
    try {
      this.#storage?.setItem(
        CLOCK_KEY,
        JSON.stringify({ wall: state.wall, counter: state.counter }),
      );
    } catch {
      // Storage refused: the state lasts as long as the page.
    }
  }
}

/** What stamps a change: the laptop's clock, or a stamp made for the change in advance. */
export type ChangeClock = Pick<LaptopClock, 'actor' | 'stamp'>;

/**
 * A change's stamp made on the page for a change that the worker writes: a worker has no local
 * storage, so it cannot keep the laptop's clock, id or user. Plain data, to cross to the worker.
 */
export interface ChangeStamp extends Actor {
  readonly hlc: string;
}

/** Stamps a change to be written elsewhere (in the worker) with `clock`, the page's by default. */
export function stampChange(clock: ChangeClock = laptopClock()): ChangeStamp {
  const hlc = clock.stamp();
  return { ...clock.actor(), hlc };
}

/** A clock that gives `stamp` for the one change it stamps (see {@link stampChange}). */
export function stampedClock(stamp: ChangeStamp): ChangeClock {
  return { actor: () => ({ device: stamp.device, author: stamp.author }), stamp: () => stamp.hlc };
}

/** The wall time of a hybrid timestamp as an ISO timestamp ('' when it cannot be read). */
export function wallTime(hlc: string): string {
  const stamp = parseHlc(hlc);
  return stamp ? new Date(stamp.wall).toISOString() : '';
}

let shared: LaptopClock | null = null;

/** The clock of this page (browser storage). */
export function laptopClock(): LaptopClock {
  shared ??= new LaptopClock();
  return shared;
}

/** Makes `clock` the page's clock (tests simulate laptops with it); null goes back to the default. */
export function setLaptopClock(clock: LaptopClock | null): void {
  shared = clock;
}
