// The importer's growing key sets (every contract number and customer name in the file, with a small number
// each) in typed arrays: a key is its UTF-8 bytes in one arena and a slot two 32-bit words, a fraction of what
// a Map of strings costs per entry (README, Performance). Open addressing with linear probing, at most 70%
// full; keys compare byte for byte, so the map is exact.

const MAX_LOAD = 0.7;
const EMPTY = -1;
const encoder = new TextEncoder();

export class CompactStringMap {
  #arena = new Uint8Array(1 << 16);
  #arenaUsed = 0;
  #offsets: Int32Array;
  #values: Uint32Array;
  #mask: number;
  #size = 0;
  #scratch = new Uint8Array(256);

  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.#offsets = new Int32Array(capacity).fill(EMPTY);
    this.#values = new Uint32Array(capacity);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  get(key: string): number | undefined {
    const n = this.#encode(key);
    const slot = this.#find(this.#scratch, n, hashBytes(this.#scratch, 0, n));
    return this.#offsets[slot] === EMPTY ? undefined : this.#values[slot];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** `value` is a whole number from 0 to 2³²−1. */
  set(key: string, value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`CompactStringMap value out of range: ${value}`);
    const n = this.#encode(key);
    let slot = this.#find(this.#scratch, n, hashBytes(this.#scratch, 0, n));
    if (this.#offsets[slot] === EMPTY) {
      if (this.#size + 1 > (this.#mask + 1) * MAX_LOAD) {
        this.#grow();
        slot = this.#find(this.#scratch, n, hashBytes(this.#scratch, 0, n));
      }
      this.#offsets[slot] = this.#append(n);
      this.#size++;
    }
    this.#values[slot] = value;
  }

  /** UTF-8 of `key` into the scratch buffer; returns its length. */
  #encode(key: string): number {
    if (key.length * 3 > this.#scratch.length) this.#scratch = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, this.#scratch).written;
  }

  /** The slot holding these bytes, or the empty slot where they would go. */
  #find(bytes: Uint8Array, n: number, hash: number): number {
    const arena = this.#arena;
    let slot = hash & this.#mask;
    for (;;) {
      const offset = this.#offsets[slot]!;
      if (offset === EMPTY) return slot;
      if (readLength(arena, offset) === n && sameBytes(arena, offset + 4, bytes, n)) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  #append(n: number): number {
    const need = this.#arenaUsed + 4 + n;
    if (need > this.#arena.length) {
      const grown = new Uint8Array(Math.max(need, this.#arena.length * 2));
      grown.set(this.#arena.subarray(0, this.#arenaUsed));
      this.#arena = grown;
    }
    const offset = this.#arenaUsed;
    const arena = this.#arena;
    arena[offset] = n & 0xff;
    arena[offset + 1] = (n >>> 8) & 0xff;
    arena[offset + 2] = (n >>> 16) & 0xff;
    arena[offset + 3] = n >>> 24;
    arena.set(this.#scratch.subarray(0, n), offset + 4);
    this.#arenaUsed = need;
    return offset;
  }

  #grow(): void {
    const offsets = this.#offsets;
    const values = this.#values;
    const capacity = offsets.length * 2;
    this.#offsets = new Int32Array(capacity).fill(EMPTY);
    this.#values = new Uint32Array(capacity);
    this.#mask = capacity - 1;
    const arena = this.#arena;
    for (let i = 0; i < offsets.length; i++) {
      const offset = offsets[i]!;
      if (offset === EMPTY) continue;
      let slot = hashBytes(arena, offset + 4, readLength(arena, offset)) & this.#mask;
      while (this.#offsets[slot] !== EMPTY) slot = (slot + 1) & this.#mask;
      this.#offsets[slot] = offset;
      this.#values[slot] = values[i]!;
    }
  }
}

function readLength(arena: Uint8Array, offset: number): number {
  return (arena[offset]! | (arena[offset + 1]! << 8) | (arena[offset + 2]! << 16) | (arena[offset + 3]! << 24)) >>> 0;
}

function sameBytes(arena: Uint8Array, at: number, bytes: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (arena[at + i] !== bytes[i]) return false;
  return true;
}

/** FNV-1a, then a final mix so nearby keys (XF000001, XF000002, …) spread over the table. */
function hashBytes(bytes: Uint8Array, from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + n; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
