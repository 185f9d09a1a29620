import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, escapeControlsKeepingLines } from './terminal-text.js';

describe('escapeControls', () => {
  it('writes out ESC, OSC, BEL, C1 and bidi controls', () => {
    expect(escapeControls('evil\x1b]0;PWNED\x07\x1b[2J')).toBe('evil\\x1b]0;PWNED\\x07\\x1b[2J');
    expect(escapeControls('abc\u202edef')).toBe('abc\\u202edef');
    expect(escapeControls('\u009b31m\u0085\u2066x\u2069')).toBe('\\x9b31m\\x85\\u2066x\\u2069');
    expect(escapeControls('tab\there\r\n')).toBe('tab\\x09here\\x0d\\x0a');
    // Line and paragraph separators break a line where nothing is seen.
    expect(escapeControls('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });

  it('leaves ordinary text alone, accents and CJK included', () => {
    expect(escapeControls('nightly-web 01 é 一 ✓')).toBe('nightly-web 01 é 一 ✓');
  });

  it('never lets a control or bidi character through (property)', () => {
    const isUnsafe = (c: number) =>
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x61c ||
      c === 0x200e ||
      c === 0x200f ||
      c === 0x2028 ||
      c === 0x2029 ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    const unit = fc.oneof(
      fc.constantFrom('\u202e', '\u2067', '\u009b', '\x1b'),
      fc.integer({ min: 0, max: 0x2100 }).map((c) => String.fromCodePoint(c)),
    );
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        const out = escapeControls(s);
        expect([...out].filter((c) => isUnsafe(c.codePointAt(0)!))).toEqual([]);
      }),
    );
  });

  it('can keep line breaks', () => {
    expect(escapeControlsKeepingLines('a\x1b\nb')).toBe('a\\x1b\nb');
  });
});
