// A bounded cache of what was used recently, for the importer's customers. Evicting a Map's oldest key one at
// a time is slow in V8 (deleted entries stay as holes that keys().next() walks past); two generations keep the
// same bound with no per-entry eviction: when the young one fills, the old one is dropped whole.
export class TwoGenerationCache<V> {
  readonly #half: number;
  #young = new Map<string, V>();
  #old = new Map<string, V>();

  /** Holds at most `limit` entries, and at least the `limit / 2` most recently set. */
  constructor(limit: number) {
    this.#half = Math.max(1, Math.floor(limit / 2));
  }

  get(key: string): V | undefined {
    return this.#young.get(key) ?? this.#old.get(key);
  }

  has(key: string): boolean {
    return this.#young.has(key) || this.#old.has(key);
  }

  set(key: string, value: V): void {
    this.#old.delete(key);
    this.#young.set(key, value);
    if (this.#young.size >= this.#half) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }

  delete(key: string): void {
    this.#young.delete(key);
    this.#old.delete(key);
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
