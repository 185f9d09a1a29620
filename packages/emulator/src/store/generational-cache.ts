/**
 * A map that keeps the entries used recently: when the young generation is full it becomes
 * the old one and the previous old one is dropped (an approximate LRU in two `Map`s, with no
 * per-read bookkeeping).
 */
export class GenerationalCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();

  constructor(readonly generationSize: number) {}

  get(key: K, make: (key: K) => V): V {
    let value = this.#young.get(key);
    if (value !== undefined) return value;
    value = this.#old.get(key) ?? make(key);
    if (this.#young.size >= this.generationSize) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
    return value;
  }
}
