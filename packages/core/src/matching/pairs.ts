/**
 * Candidate pairs, stored column-wise in typed arrays that grow by doubling: for millions of pairs an
 * object per pair would cost ten times the memory. Each pair holds its two record indices, the level of
 * every comparison (255 = missing) and which blocking rules brought it (one bit per rule).
 */
export const MISSING_LEVEL = 255;

export class PairStore {
  readonly comparisons: number;
  #size = 0;
  #left: Int32Array;
  #right: Int32Array;
  #rules: Uint32Array;
  #levels: Uint8Array;

  constructor(comparisons: number, capacity = 1024) {
    this.comparisons = comparisons;
    this.#left = new Int32Array(capacity);
    this.#right = new Int32Array(capacity);
    this.#rules = new Uint32Array(capacity);
    this.#levels = new Uint8Array(capacity * comparisons);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds a pair; returns its index. `levels` is written into the store (its first K entries). */
  add(left: number, right: number, rules: number, levels: ArrayLike<number>): number {
    if (this.#size === this.#left.length) this.#grow();
    const i = this.#size++;
    this.#left[i] = left;
    this.#right[i] = right;
    this.#rules[i] = rules;
    const base = i * this.comparisons;
    for (let k = 0; k < this.comparisons; k++) this.#levels[base + k] = levels[k] as number;
    return i;
  }

  left(i: number): number {
    return this.#left[i] as number;
  }

  right(i: number): number {
    return this.#right[i] as number;
  }

  rules(i: number): number {
    return this.#rules[i] as number;
  }

  level(i: number, k: number): number {
    return this.#levels[i * this.comparisons + k] as number;
  }

  #grow(): void {
    const capacity = this.#left.length * 2;
    const grow = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.#left = grow(this.#left, capacity);
    this.#right = grow(this.#right, capacity);
    this.#rules = grow(this.#rules, capacity);
    this.#levels = grow(this.#levels, capacity * this.comparisons);
  }
}
