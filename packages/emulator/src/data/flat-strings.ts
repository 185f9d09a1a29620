/*
 * String builders for the generator. Concatenation makes V8 "cons strings" (a tree of
 * pieces, several objects per string); a million backups hold millions of ids and times, so
 * these build each one as a single flat string from character codes instead.
 */

const hexCodes = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const codes: number[] = [];

function fromCodes(length: number): string {
  codes.length = length;
  return String.fromCharCode.apply(null, codes);
}

/** A random version-4 UUID drawn from `next` (values in [0, 1)). */
export function uuidFrom(next: () => number): string {
  let word = 0;
  let left = 0;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      codes[i] = 45;
      continue;
    }
    if (left === 0) {
      word = (next() * 4294967296) >>> 0;
      left = 8;
    }
    codes[i] = hexCodes[word & 15]!;
    word >>>= 4;
    left--;
  }
  codes[14] = 52;
  codes[19] = hexCodes[8 + (codes[19]! & 3)]!;
  return fromCodes(36);
}

/** `prefix` followed by `digits` random hex digits, as one flat string. */
export function prefixedHex(prefix: string, digits: number, next: () => number): string {
  for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
  let word = (next() * 4294967296) >>> 0;
  for (let i = 0; i < digits; i++) {
    codes[prefix.length + i] = hexCodes[word & 15]!;
    word >>>= 4;
  }
  return fromCodes(prefix.length + digits);
}

function putDigits(at: number, value: number, width: number): void {
  for (let i = width - 1; i >= 0; i--) {
    codes[at + i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

/** `2025-09-14T03:12:45.123456` (UTC, six fraction digits): the listing's time format. */
export function listingTimeOf(ms: number, extraMicros: number): string {
  const d = new Date(ms);
  putDigits(0, d.getUTCFullYear(), 4);
  codes[4] = 45;
  putDigits(5, d.getUTCMonth() + 1, 2);
  codes[7] = 45;
  putDigits(8, d.getUTCDate(), 2);
  codes[10] = 84;
  putDigits(11, d.getUTCHours(), 2);
  codes[13] = 58;
  putDigits(14, d.getUTCMinutes(), 2);
  codes[16] = 58;
  putDigits(17, d.getUTCSeconds(), 2);
  codes[19] = 46;
  putDigits(20, d.getUTCMilliseconds() * 1000 + (extraMicros % 1000), 6);
  return fromCodes(26);
}

/**
 * The calendar date of a day number (days since 1970-01-01) by integer arithmetic
 * (H. Hinnant's `civil_from_days`), packed as `year << 9 | month << 5 | day` so that the
 * writers of times, which call it for every backup, allocate nothing. Years 0 to 9999.
 */
export function civilFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year << 9) | (month << 5) | day;
}

/**
 * The 26 characters of `listingTimeOf` for microseconds since the epoch, as character codes
 * written into `target` from `at`, without a `Date`: the calendar date from the day number by
 * integer arithmetic (H. Hinnant's `civil_from_days`). Pages write three per backup.
 */
export function writeListingTime(target: { [index: number]: number }, at: number, micros: number): void {
  const days = Math.floor(micros / 86_400_000_000);
  let rest = micros - days * 86_400_000_000;
  const date = civilFromDays(days);
  const year = date >>> 9;
  const month = (date >>> 5) & 15;
  const day = date & 31;
  const hours = Math.floor(rest / 3_600_000_000);
  rest -= hours * 3_600_000_000;
  const minutes = Math.floor(rest / 60_000_000);
  rest -= minutes * 60_000_000;
  const seconds = Math.floor(rest / 1_000_000);
  rest -= seconds * 1_000_000;
  digitsAt(target, at, year, 4);
  target[at + 4] = 45;
  digitsAt(target, at + 5, month, 2);
  target[at + 7] = 45;
  digitsAt(target, at + 8, day, 2);
  target[at + 10] = 84;
  digitsAt(target, at + 11, hours, 2);
  target[at + 13] = 58;
  digitsAt(target, at + 14, minutes, 2);
  target[at + 16] = 58;
  digitsAt(target, at + 17, seconds, 2);
  target[at + 19] = 46;
  digitsAt(target, at + 20, rest, 6);
}

function digitsAt(target: { [index: number]: number }, at: number, value: number, width: number): void {
  for (let i = width - 1; i >= 0; i--) {
    target[at + i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

/** `listingTimeOf` from microseconds since the epoch (see `writeListingTime`). */
export function listingTimeOfMicros(micros: number): string {
  writeListingTime(codes, 0, micros);
  return fromCodes(26);
}

/**
 * Two hex digits a byte, low nibble first (the order `uuidFrom` writes a word's nibbles in):
 * `hexPairs[2b]` is the digit of `b & 15`, `hexPairs[2b + 1]` that of `b >> 4`.
 */
const hexPairs = new Uint8Array(512);
for (let b = 0; b < 256; b++) {
  hexPairs[2 * b] = hexCodes[b & 15]!;
  hexPairs[2 * b + 1] = hexCodes[b >> 4]!;
}

/** A word's eight digits at `at`, low nibble first, with a dash before digit 4 when `dash`. */
function putWord(target: { [index: number]: number }, at: number, w: number, dash: boolean): void {
  for (let k = 0; k < 4; k++) {
    const b = 2 * ((w >>> (8 * k)) & 255);
    const p = at + 2 * k + (dash && k >= 2 ? 1 : 0);
    target[p] = hexPairs[b]!;
    target[p + 1] = hexPairs[b + 1]!;
  }
  if (dash) target[at + 4] = 45;
}

/**
 * `uuidFrom` written as character codes into `target` from `at`: the same draws, the same
 * text, no string. The dashes fall between digit pairs, so each of the four words is four
 * pair look-ups (`hexPairs`) rather than eight digit steps.
 */
export function writeUuid(target: { [index: number]: number }, at: number, next: () => number): void {
  writeUuidWords(
    target,
    at,
    (next() * 4294967296) >>> 0,
    (next() * 4294967296) >>> 0,
    (next() * 4294967296) >>> 0,
    (next() * 4294967296) >>> 0,
  );
}

/** The uuid text of four drawn words (see `writeUuid`), version and variant digits set. */
export function writeUuidWords(
  target: { [index: number]: number },
  at: number,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
): void {
  // Digits 0-7 | 8-11 - 12-15 | 16-19 - 20-23 | 24-31 at positions 0-7, 9-12, 14-17, 19-22, 24-35.
  putWord(target, at, w0, false);
  target[at + 8] = 45;
  putWord(target, at + 9, w1, true);
  target[at + 18] = 45;
  putWord(target, at + 19, w2, true);
  putWord(target, at + 28, w3, false);
  target[at + 14] = 52;
  target[at + 19] = hexCodes[8 + (target[at + 19]! & 3)]!;
}
