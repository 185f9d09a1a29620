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
