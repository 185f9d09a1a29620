/**
 * Which characters a string holds, as 32 bits: `a`–`z` have a bit each, digits share five,
 * everything else shares one. A name can contain a needle only if its bits cover the
 * needle's, so most names are ruled out by one integer test before any string is read.
 */
export function characterBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) bits |= 1 << (c - 0x61);
    else if (c >= 0x30 && c <= 0x39) bits |= 1 << (26 + ((c - 0x30) % 5));
    else bits |= 1 << 31;
  }
  return bits >>> 0;
}

/** Lower-cased names and their character bits, by rank: built on the first name search. */
export class NameTable {
  readonly lowerNames: string[];
  readonly bits: Uint32Array;

  constructor(names: readonly (string | null | undefined)[]) {
    this.lowerNames = new Array(names.length);
    this.bits = new Uint32Array(names.length);
    for (let rank = 0; rank < names.length; rank++) {
      const lower = (names[rank] ?? '').toLowerCase();
      this.lowerNames[rank] = lower;
      this.bits[rank] = characterBits(lower);
    }
  }

  /** Whether the name at `rank` contains every needle (already lower-cased). */
  contains(rank: number, needles: readonly string[], needleBits: number): boolean {
    if ((this.bits[rank]! & needleBits) >>> 0 !== needleBits) return false;
    const name = this.lowerNames[rank]!;
    // Indexed: this runs once per candidate, and `for…of` allocates an iterator per call
    // until the optimizing compiler removes it.
    for (let i = 0; i < needles.length; i++) if (!name.includes(needles[i]!)) return false;
    return true;
  }
}
