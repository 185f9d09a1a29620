/*
 * Writers of JSON pieces into a buffer whose room was made beforehand: each takes the
 * position and returns the next one, so a backup is written with a local position and no
 * capacity check per piece. They store 8-, 4- and 2-byte words through a DataView of the
 * same memory rather than bytes: measured here, a JS byte loop costs ~3 ns a byte and
 * `Uint8Array#set` ~15–30 ns a call whatever the size, while a copy by 8-byte words is
 * ~2 ns and 0.07 ns a byte (below ~250 bytes it beats `set`; the pieces of a backup are
 * shorter but one, and it needs no typed-array object per piece to copy from).
 *
 * Word stores may write up to 7 bytes past a piece's end. Every writer here writes its piece
 * from the position on and the next piece starts at the returned position, so those bytes
 * are always written again (or lie past the body's end); a body's room needs `slack` more.
 */
import { civilFromDays } from './flat-strings.js';

/** Bytes a word store may write past a piece's end. */
export const slack = 8;

/** The machine's byte order: typed-array words and DataView stores must agree. */
const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The native 32-bit word of four bytes (the order `Uint32Array` reads them in). */
const word4 = (b0: number, b1: number, b2: number, b3: number): number =>
  (little ? b0 | (b1 << 8) | (b2 << 16) | (b3 << 24) : (b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
const word2 = (b0: number, b1: number): number => (little ? b0 | (b1 << 8) : (b0 << 8) | b1);

/**
 * Bytes as 8-byte words, the last one padded with zeros, for `putPiece`. The words are
 * copied as doubles: a load from a Float64Array and a DataView store keep a NaN's bits
 * (a test holds that), and the UTF-8 of text never makes one anyway (a NaN's two high bytes
 * are 7F or FF and F0–FF, which no valid UTF-8 has in that order).
 */
export function wordsOf(bytes: Uint8Array): Float64Array {
  const padded = new Uint8Array(Math.ceil(bytes.length / 8) * 8);
  padded.set(bytes);
  return new Float64Array(padded.buffer);
}

/** `length` bytes held as 8-byte words from `words[from]` on (see `wordsOf`). */
export function putPiece(
  view: DataView,
  p: number,
  words: Float64Array,
  from: number,
  length: number,
): number {
  for (let i = from, at = p, end = p + length; at < end; i++, at += 8) view.setFloat64(at, words[i]!, little);
  return p + length;
}

/** Constant bytes, with their 8-byte words. */
export class Run {
  readonly bytes: Uint8Array;
  readonly words: Float64Array;
  readonly length: number;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.length = bytes.length;
    this.words = wordsOf(bytes);
  }
}

export const runOf = (text: string): Run => new Run(new Uint8Array(Buffer.from(text, 'utf8')));

/**
 * Shared runs this long or longer are copied by `set`: their views are in the cache, and
 * from here on (measured in the item writer) the call costs less than the words.
 */
const setFrom = 64;

export function putRun(buf: Uint8Array, view: DataView, p: number, run: Run): number {
  if (run.length >= setFrom) {
    buf.set(run.bytes, p);
    return p + run.length;
  }
  return putPiece(view, p, run.words, 0, run.length);
}

/** `length` bytes held as native 32-bit words from `words[from]` on (ids: 9 words a row). */
export function putWords(
  view: DataView,
  p: number,
  words: Uint32Array,
  from: number,
  length: number,
): number {
  for (let i = from, at = p; at < p + length; i++, at += 4) view.setUint32(at, words[i]!, little);
  return p + length;
}

/** Text known to be ASCII (ids, generated names): one byte a character. */
export function putAscii(buf: Uint8Array, p: number, text: string): number {
  const n = text.length;
  for (let i = 0; i < n; i++) buf[p + i] = text.charCodeAt(i);
  return p + n;
}

/** "00".."99" as a 16-bit word each. */
const pairs = new Uint16Array(100);
/** 0..9999 in decimal, unpadded (`digitsLength` bytes), one 32-bit word each. */
const digits = new Uint32Array(10_000);
const digitsLength = new Uint8Array(10_000);
/** "0000".."9999", one 32-bit word each. */
const padded4 = new Uint32Array(10_000);
for (let i = 0; i < 10_000; i++) {
  const d = [
    48 + Math.floor(i / 1000),
    48 + (Math.floor(i / 100) % 10),
    48 + (Math.floor(i / 10) % 10),
    48 + (i % 10),
  ];
  if (i < 100) pairs[i] = word2(d[2]!, d[3]!);
  padded4[i] = word4(d[0]!, d[1]!, d[2]!, d[3]!);
  const length = String(i).length;
  const own = d.slice(4 - length);
  digits[i] = word4(own[0] ?? 0, own[1] ?? 0, own[2] ?? 0, own[3] ?? 0);
  digitsLength[i] = length;
}

/** A non-negative integer in decimal. */
export function putUint(buf: Uint8Array, view: DataView, p: number, value: number): number {
  if (value < 10_000) {
    view.setUint32(p, digits[value]!, little);
    return p + digitsLength[value]!;
  }
  if (value >= 100_000_000) return putLargeUint(buf, p, value);
  // Sizes (up to 10^6 and more): the digits of the high part, then four of the low part.
  const high = (value / 10_000) | 0;
  const length = digitsLength[high]!;
  view.setUint32(p, digits[high]!, little);
  view.setUint32(p + length, padded4[value - high * 10_000]!, little);
  return p + length + 4;
}

/** `putUint` from 10^8 on, which no generated number reaches: out of its way, so that it stays short enough to inline. */
function putLargeUint(buf: Uint8Array, p: number, value: number): number {
  if (value > 0x7fffffff) return putAscii(buf, p, String(value));
  const length = value >= 1_000_000_000 ? 10 : 9;
  let v = value;
  for (let at = p + length - 1; at >= p; at--) {
    const q = (v / 10) | 0;
    buf[at] = 48 + v - 10 * q;
    v = q;
  }
  return p + length;
}

/** Text with the separators of a time, for `putTime` to fill in. */
export const timeSlot = '0000-00-00T00:00:00.000000';

// The day written last and its `YYYY`, `-MM-` and `DD` words: the three times of a backup
// mostly fall on one day. A typed array, not `let`s: a module variable holding a number
// outside the small-integer range is a heap number, allocated again on every assignment.
const cachedDay = new Float64Array([Number.NaN]);
const cachedWords = new Uint32Array(3);

/**
 * `2025-09-14T03:12:45.123456` (26 bytes) of whole microseconds since the epoch, `times[index]`,
 * the text of `writeListingTime` (flat-strings.ts) for years 0–9999, written over a
 * `timeSlot` at `at`: the `T`, `:` and `.` are the slot's. The time is passed as its column
 * and row, not as a number: this is too long for V8 to inline, and a double past the
 * small-integer range passed as an argument measured slower (~15% of the item writer).
 */
export function putTime(view: DataView, at: number, times: Float64Array, index: number): void {
  const micros = times[index]!;
  const days = Math.floor(micros / 86_400_000_000);
  if (days !== cachedDay[0]) {
    const date = civilFromDays(days);
    const month = (date >>> 5) & 15;
    cachedWords[0] = padded4[date >>> 9]!;
    cachedWords[1] = word4(45, 48 + Math.floor(month / 10), 48 + (month % 10), 45);
    cachedWords[2] = pairs[date & 31]!;
    cachedDay[0] = days;
  }
  view.setUint32(at, cachedWords[0]!, little);
  view.setUint32(at + 4, cachedWords[1]!, little);
  view.setUint16(at + 8, cachedWords[2]!, little);
  const ofDay = micros - days * 86_400_000_000;
  const seconds = Math.floor(ofDay / 1_000_000);
  const fraction = ofDay - seconds * 1_000_000;
  const hours = (seconds / 3600) | 0;
  const minutes = ((seconds - hours * 3600) / 60) | 0;
  view.setUint16(at + 11, pairs[hours]!, little);
  view.setUint16(at + 14, pairs[minutes]!, little);
  view.setUint16(at + 17, pairs[seconds - hours * 3600 - minutes * 60]!, little);
  const high = (fraction / 10_000) | 0;
  view.setUint16(at + 20, pairs[high]!, little);
  view.setUint32(at + 22, padded4[fraction - high * 10_000]!, little);
}

/** The 26 bytes of a time written before at `from`, again at `at`: four loads and stores. */
export function copyTime(view: DataView, at: number, from: number): void {
  view.setFloat64(at, view.getFloat64(from, little), little);
  view.setFloat64(at + 8, view.getFloat64(from + 8, little), little);
  view.setFloat64(at + 16, view.getFloat64(from + 16, little), little);
  view.setUint16(at + 24, view.getUint16(from + 24, little), little);
}

/** Text with the dashes of a uuid, for `putUuid` to fill in. */
export const uuidSlot = '00000000-0000-0000-0000-000000000000';

const hexCodes = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/**
 * Two hex digits of each byte, low nibble first (the order `uuidFrom` writes a word's
 * nibbles in), as one 16-bit word: 512 bytes, so the look-ups stay in the first-level cache
 * (a table of 16-bit values' four digits, 256 KiB, did not, and cost more than the stores it saved).
 */
const hexPairs = new Uint16Array(256);
/** The same with the first digit the uuid's version, `4`. */
const versionPairs = new Uint16Array(256);
/** The same with the first digit `uuidFrom`'s variant digit of the one it replaces: `hexCodes[8 + (code & 3)]`. */
const variantPairs = new Uint16Array(256);
for (let b = 0; b < 256; b++) {
  const low = hexCodes[b & 15]!;
  const high = hexCodes[b >> 4]!;
  hexPairs[b] = word2(low, high);
  versionPairs[b] = word2(52, high);
  variantPairs[b] = word2(hexCodes[8 + (low & 3)]!, high);
}

/** Four hex digits of a 16-bit value, low nibble first (generated names end so). */
export function putHex4(view: DataView, p: number, value: number): void {
  view.setUint16(p, hexPairs[value & 255]!, little);
  view.setUint16(p + 2, hexPairs[value >>> 8]!, little);
}

/**
 * `uuidFrom` (flat-strings.ts) of four drawn words, `words[from]` on, over a `uuidSlot` at `at`
 * (the dashes are the slot's): digits 0-7 | 8-11 - 12-15 | 16-19 - 20-23 | 24-31 at 0-7, 9-12,
 * 14-17, 19-22, 24-35, two a store, with the version digit at 14 and the variant digit at 19.
 * The words are read here rather than passed, for the reason `putTime`'s time is.
 */
export function putUuid(view: DataView, at: number, words: Uint32Array, from: number): void {
  const w0 = words[from]!;
  const w1 = words[from + 1]!;
  const w2 = words[from + 2]!;
  const w3 = words[from + 3]!;
  view.setUint16(at, hexPairs[w0 & 255]!, little);
  view.setUint16(at + 2, hexPairs[(w0 >>> 8) & 255]!, little);
  view.setUint16(at + 4, hexPairs[(w0 >>> 16) & 255]!, little);
  view.setUint16(at + 6, hexPairs[w0 >>> 24]!, little);
  view.setUint16(at + 9, hexPairs[w1 & 255]!, little);
  view.setUint16(at + 11, hexPairs[(w1 >>> 8) & 255]!, little);
  view.setUint16(at + 14, versionPairs[(w1 >>> 16) & 255]!, little);
  view.setUint16(at + 16, hexPairs[w1 >>> 24]!, little);
  view.setUint16(at + 19, variantPairs[w2 & 255]!, little);
  view.setUint16(at + 21, hexPairs[(w2 >>> 8) & 255]!, little);
  view.setUint16(at + 24, hexPairs[(w2 >>> 16) & 255]!, little);
  view.setUint16(at + 26, hexPairs[w2 >>> 24]!, little);
  view.setUint16(at + 28, hexPairs[w3 & 255]!, little);
  view.setUint16(at + 30, hexPairs[(w3 >>> 8) & 255]!, little);
  view.setUint16(at + 32, hexPairs[(w3 >>> 16) & 255]!, little);
  view.setUint16(at + 34, hexPairs[w3 >>> 24]!, little);
}
