/*
 * Reading JSON text that has already passed `JSON.parse`, for code that keeps the exact
 * source of values (the client's item texts, the emulator's data-file slices). The text is
 * trusted to be valid JSON, so only what tells one token from the next matters here.
 */

const backslash = 0x5c;

/**
 * The index just past the closing quote of the JSON string literal that opens at `start`
 * (the index of its `"`). A quote ends the string when an even number of backslashes
 * precedes it. For text that passed `JSON.parse`; on anything else it returns the text's
 * length rather than throwing.
 */
export function jsonStringEnd(json: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const close = json.indexOf('"', from);
    if (close < 0) return json.length;
    let backslashes = 0;
    while (json.charCodeAt(close - 1 - backslashes) === backslash) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    from = close + 1;
  }
}
