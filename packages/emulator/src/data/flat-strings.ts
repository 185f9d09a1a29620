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
 * `listingTimeOf` from microseconds since the epoch, without a `Date`: the calendar date
 * from the day number by integer arithmetic (H. Hinnant's `civil_from_days`). Pages format
 * three times per backup, so this is on the hot path.
 */
export function listingTimeOfMicros(micros: number): string {
  const days = Math.floor(micros / 86_400_000_000);
  let rest = micros - days * 86_400_000_000;
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
  putDigits(0, year, 4);
  codes[4] = 45;
  putDigits(5, month, 2);
  codes[7] = 45;
  putDigits(8, day, 2);
  codes[10] = 84;
  const hours = Math.floor(rest / 3_600_000_000);
  rest -= hours * 3_600_000_000;
  const minutes = Math.floor(rest / 60_000_000);
  rest -= minutes * 60_000_000;
  const seconds = Math.floor(rest / 1_000_000);
  rest -= seconds * 1_000_000;
  putDigits(11, hours, 2);
  codes[13] = 58;
  putDigits(14, minutes, 2);
  codes[16] = 58;
  putDigits(17, seconds, 2);
  codes[19] = 46;
  putDigits(20, rest, 6);
  return fromCodes(26);
}
