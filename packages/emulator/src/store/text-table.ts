/**
 * Interns strings into dense codes with an open-addressing table of typed arrays: 12 bytes
 * a distinct string, against ~40 for a `Map` entry, and no per-entry objects for the
 * collector to trace. A column of a million distinct ids (checkpoint ids) took ~50 MB and
 * over a second as a `Map`. Hashes are FNV-1a over UTF-16 code units.
 */
export class TextTable {
  values: string[] = [];
  #hashes = new Uint32Array(16);
  /** code + 1 per slot, 0 for an empty slot; the size is a power of two, at most half full. */
  #slots = new Int32Array(32);

  static hash(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** The code of `text`, or -1 when it was never interned. */
  codeOf(text: string): number {
    const mask = this.#slots.length - 1;
    const h = TextTable.hash(text);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) return -1;
      if (this.#hashes[entry - 1] === h && this.values[entry - 1] === text) return entry - 1;
    }
  }

  /** The code of `text`, interning it first when new (codes in order of first appearance). */
  intern(text: string): number {
    const mask = this.#slots.length - 1;
    const h = TextTable.hash(text);
    let slot = h & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) break;
      if (this.#hashes[entry - 1] === h && this.values[entry - 1] === text) return entry - 1;
    }
    const code = this.values.length;
    this.values.push(text);
    if (code === this.#hashes.length) {
      const hashes = new Uint32Array(code * 2);
      hashes.set(this.#hashes);
      this.#hashes = hashes;
    }
    this.#hashes[code] = h;
    this.#slots[slot] = code + 1;
    if ((code + 1) * 2 > this.#slots.length) this.#grow();
    return code;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.values.length; code++) {
      let slot = this.#hashes[code]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.#slots = slots;
  }

  /**
   * Holds `values` instead of its own list: the caller's array, equal element for element
   * (a column whose every value is new), so a million ids are not listed twice.
   */
  shareValues(values: string[]): void {
    if (values.length !== this.values.length) throw new RangeError('shareValues: a list of another length');
    this.values = values;
  }

  /** Drops the hashes' spare room once no more strings will be interned. */
  trim(): void {
    this.#hashes = this.#hashes.slice(0, this.values.length);
  }
}
