/**
 * Hybrid logical clocks (Kulkarni et al., 2014): a timestamp that follows the wall clock where it can
 * and a counter where it cannot, so that every event a laptop makes is later than every event it has
 * seen, even when laptops' clocks disagree. Laptops here are offline for days and their clocks drift;
 * ordering by wall time alone would let a laptop with a slow clock write "before" what it has read.
 *
 * A timestamp is written as text that sorts as it orders: `0001ldr3wqk9s-0000-laptop-a` — the wall
 * time in milliseconds (base 36, 11 digits), the counter (base 36, 4 digits), the device id.
 */

/** A hybrid logical timestamp. */
export interface Hlc {
  /** Milliseconds since 1970 (UTC), the greatest wall time seen. */
  readonly wall: number;
  /** Orders events with the same `wall`. */
  readonly counter: number;
  /** The device that made the event: the last tie-break, so no two devices' timestamps are equal. */
  readonly device: string;
}

/** A remote clock further ahead than this is not followed (a laptop set to the wrong year). */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

const WALL_DIGITS = 11;
const COUNTER_DIGITS = 4;
// 11 base-36 digits hold every safe integer, the largest wall time kept exactly.
const MAX_WALL = Number.MAX_SAFE_INTEGER;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
/** Letters, digits, `.`, `_` and `-`: a device id that is safe in file names and in the text form. */
const DEVICE = /^[A-Za-z0-9._-]{1,64}$/;
const TEXT = /^([0-9a-z]{11})-([0-9a-z]{4})-([A-Za-z0-9._-]{1,64})$/;

/** True when `device` can name a device in a timestamp (1–64 letters, digits, `.`, `_`, `-`). */
export function isDeviceId(device: string): boolean {
  return DEVICE.test(device);
}

/** The text form of a timestamp, which sorts as the timestamps order. Throws on an invalid one. */
export function formatHlc(hlc: Hlc): string {
  if (!Number.isInteger(hlc.wall) || hlc.wall < 0 || hlc.wall > MAX_WALL) {
    throw new RangeError(`HLC wall time out of range: ${hlc.wall}`);
  }
  if (!Number.isInteger(hlc.counter) || hlc.counter < 0 || hlc.counter > MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${hlc.counter}`);
  }
  if (!isDeviceId(hlc.device)) throw new RangeError(`Not a device id: "${hlc.device}"`);
  return `${hlc.wall.toString(36).padStart(WALL_DIGITS, '0')}-${hlc.counter
    .toString(36)
    .padStart(COUNTER_DIGITS, '0')}-${hlc.device}`;
}

/** Reads the text form of a timestamp; null when `text` is not one. */
export function parseHlc(text: string): Hlc | null {
  const m = TEXT.exec(text);
  if (!m) return null;
  return {
    wall: parseInt(m[1] as string, 36),
    counter: parseInt(m[2] as string, 36),
    device: m[3] as string,
  };
}

/** Orders two timestamps in text form (the text order is the clock's order). */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One device's clock. `now()` stamps an event made here; `observe()` takes in a timestamp read from
 * another device, so that the next local stamp is later than it. Keep the clock's `state()` with the
 * data (and restore it with the constructor) so that stamps keep growing across reloads.
 *
 * @example
 * const clock = new HybridClock('laptop-a');
 * const first = clock.now();
 * clock.observe(fromAnotherLaptop);
 * clock.now() > first && clock.now() > fromAnotherLaptop; // true
 */
export class HybridClock {
  readonly device: string;
  #wall: number;
  #counter: number;
  readonly #clock: () => number;

  /** `state`: the last timestamp this clock gave or saw (as `state()` returned it). */
  constructor(device: string, options: { readonly now?: () => number; readonly state?: Hlc } = {}) {
    if (!isDeviceId(device)) throw new RangeError(`Not a device id: "${device}"`);
    this.device = device;
    this.#clock = options.now ?? Date.now;
    this.#wall = options.state?.wall ?? 0;
    this.#counter = options.state?.counter ?? 0;
  }

  /** A timestamp for an event made now, later than every one given or observed before. */
  now(): string {
    const physical = this.#physical();
    if (physical > this.#wall) {
      this.#wall = physical;
      this.#counter = 0;
    } else {
      this.#bump();
    }
    return formatHlc({ wall: this.#wall, counter: this.#counter, device: this.device });
  }

  /**
   * Takes in a timestamp from another device. One more than a day ahead of this laptop's clock is not
   * followed (its event is still kept and ordered by it): a laptop set to the wrong year must not
   * drag every other laptop's stamps into that year. Text that is no timestamp is ignored.
   */
  observe(remote: string): void {
    const hlc = parseHlc(remote);
    if (!hlc) return;
    const physical = this.#physical();
    if (hlc.wall > physical + MAX_CLOCK_AHEAD_MS) return;
    if (hlc.wall > this.#wall) {
      this.#wall = hlc.wall;
      this.#counter = hlc.counter;
    } else if (hlc.wall === this.#wall && hlc.counter > this.#counter) {
      this.#counter = hlc.counter;
    }
  }

  /** The last timestamp given or observed, to restore the clock with. */
  state(): Hlc {
    return { wall: this.#wall, counter: this.#counter, device: this.device };
  }

  #physical(): number {
    const t = Math.floor(this.#clock());
    return Number.isFinite(t) && t > 0 ? Math.min(t, MAX_WALL) : 0;
  }

  /** The counter runs out only after 1.6 million events in one millisecond: the wall moves on then. */
  #bump(): void {
    if (this.#counter < MAX_COUNTER) this.#counter++;
    else {
      this.#wall++;
      this.#counter = 0;
    }
  }
}
