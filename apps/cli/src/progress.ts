import { formatCount } from './output/human.js';

export interface ProgressState {
  pages: number;
  items: number;
  /** Known for tag queries (`total_count`), unknown for the listing. */
  total?: number | undefined;
  elapsedMs: number;
}

/** `page 12 · 12,000 items · 8,400/s`, or `12,000/50,000 items (24%) · page 12 · 8,400/s`. */
export function formatProgress(state: ProgressState): string {
  const rate = state.elapsedMs > 0 ? (state.items * 1000) / state.elapsedMs : 0;
  const items =
    state.total !== undefined
      ? `${formatCount(state.items)}/${formatCount(state.total)} items (${
          state.total > 0 ? Math.min(100, Math.floor((state.items * 100) / state.total)) : 100
        }%)`
      : `${formatCount(state.items)} items`;
  return `${items} · page ${formatCount(state.pages)} · ${formatCount(rate)}/s`;
}

interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
}

/** Where Ctrl-C is heard and how the process ends then: `process`, or a stand-in in tests. */
export interface InterruptSource {
  once(event: 'SIGINT', listener: () => void): unknown;
  off(event: 'SIGINT', listener: () => void): unknown;
  exit(code: number): void;
}

export interface ProgressOptions {
  enabled: boolean;
  /** Ctrl-C while the line is drawn clears it before the process ends (exit 130). */
  interrupts?: InterruptSource;
  now?: () => number;
  /** Redraw at most this often, so a fast walk spends its time walking, not drawing. */
  intervalMs?: number;
}

/**
 * A one-line progress indicator on stderr, redrawn in place. It draws nothing unless
 * enabled (stderr is a terminal and `--quiet` is off), so pipes and logs stay clean.
 */
export class Progress {
  private pages = 0;
  private items = 0;
  private total: number | undefined;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly started: number;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly interrupts: InterruptSource;
  private readonly onInterrupt = () => {
    this.stream.write('\r\x1b[2K');
    this.interrupts.exit(130);
  };

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.interrupts = options.interrupts ?? process;
    this.started = this.now();
  }

  setTotal(total: number): void {
    this.total = total;
  }

  page(items: number): void {
    this.pages++;
    this.items += items;
    if (!this.options.enabled) return;
    const now = this.now();
    if (now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.draw(now);
  }

  private draw(now: number): void {
    const line = formatProgress({
      pages: this.pages,
      items: this.items,
      total: this.total,
      elapsedMs: now - this.started,
    });
    // Only while a line is on screen: otherwise Ctrl-C keeps its default (and the emulator
    // its own). Listening before the first frame is written, so no frame is ever shown
    // without the handler that erases it.
    if (!this.drawn) this.interrupts.once('SIGINT', this.onInterrupt);
    this.drawn = true;
    this.stream.write(`\r\x1b[2K${line}`);
  }

  /** Clears the line so that what follows on stderr starts clean. */
  done(): void {
    if (this.drawn) {
      this.stream.write('\r\x1b[2K');
      this.interrupts.off('SIGINT', this.onInterrupt);
    }
    this.drawn = false;
  }
}
