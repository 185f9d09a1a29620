import { SelectorSyntaxError } from '../errors.js';
import { excerpt, isBareWordChar, quote } from './spelling.js';

export type Token =
  /** A bare word: a key, a value, or one of `in`, `notin`, `any` by position. */
  | { readonly kind: 'word'; readonly text: string; readonly start: number }
  /** A double-quoted string, unescaped. */
  | { readonly kind: 'string'; readonly text: string; readonly raw: string; readonly start: number }
  | {
      readonly kind: 'punct';
      readonly text: '=' | '==' | '!=' | '!' | '(' | ')' | ',';
      readonly start: number;
    }
  /** A character that starts no token; the parser says what it expected instead. */
  | { readonly kind: 'invalid'; readonly text: string; readonly start: number }
  | { readonly kind: 'end'; readonly start: number };

/** The 1-based column of a UTF-16 offset, counted in code points as an editor shows them. */
export function columnAt(text: string, offset: number): number {
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    // The second half of a surrogate pair is the same character.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    column++;
  }
  return column;
}

/** How a token reads in "found …". */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of input';
    case 'word':
      return `'${excerpt(token.text)}'`;
    case 'string':
      return excerpt(token.raw, 26);
    case 'punct':
      return `'${token.text}'`;
    case 'invalid':
      return /[\p{Cc}\p{Z}]/u.test(token.text) ? quote(token.text) : `'${token.text}'`;
  }
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

/** Reads tokens on demand, so the first problem in reading order is the one reported. */
export class Lexer {
  readonly #text: string;
  #pos = 0;
  readonly #peeked: Token[] = [];

  constructor(text: string) {
    this.#text = text;
  }

  peek(ahead = 0): Token {
    while (this.#peeked.length <= ahead) this.#peeked.push(this.#read());
    return this.#peeked[ahead]!;
  }

  next(): Token {
    return this.#peeked.shift() ?? this.#read();
  }

  error(offset: number, expected: string, found: string): SelectorSyntaxError {
    return new SelectorSyntaxError({ column: columnAt(this.#text, offset), expected, found });
  }

  #read(): Token {
    const text = this.#text;
    while (this.#pos < text.length && isSpace(text[this.#pos]!)) this.#pos++;
    const start = this.#pos;
    if (start >= text.length) return { kind: 'end', start };
    const c = text[start]!;
    const next = text[start + 1];
    if (c === '=' && next === '=') return this.#punct('==', start);
    if (c === '!' && next === '=') return this.#punct('!=', start);
    if (c === '=' || c === '!' || c === '(' || c === ')' || c === ',') return this.#punct(c, start);
    if (c === '"') return this.#string(start);
    if (isBareWordChar(c)) {
      let end = start + 1;
      while (end < text.length && isBareWordChar(text[end]!)) end++;
      this.#pos = end;
      return { kind: 'word', text: text.slice(start, end), start };
    }
    const char = String.fromCodePoint(text.codePointAt(start)!);
    this.#pos = start + char.length;
    return { kind: 'invalid', text: char, start };
  }

  #punct(text: '=' | '==' | '!=' | '!' | '(' | ')' | ',', start: number): Token {
    this.#pos = start + text.length;
    return { kind: 'punct', text, start };
  }

  #string(start: number): Token {
    const text = this.#text;
    let out = '';
    let i = start + 1;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        this.#pos = i + 1;
        return { kind: 'string', text: out, raw: text.slice(start, i + 1), start };
      }
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e === '"' || e === '\\') out += e;
      else if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === 'u' && [2, 3, 4, 5].every((k) => isHex(text[i + k]))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 4;
      } else {
        const bad =
          e === undefined ? 'end of input' : `'\\${String.fromCodePoint(text.codePointAt(i + 1)!)}'`;
        throw this.error(i, 'an escape sequence (\\", \\\\, \\n, \\r, \\t or \\uXXXX)', bad);
      }
      i += 2;
    }
    throw this.error(
      text.length,
      `a closing '"' for the string opened at column ${columnAt(text, start)}`,
      'end of input',
    );
  }
}
