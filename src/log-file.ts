/**
 * The query log's file: JSON lines appended through pino's own destination
 * (SonicBoom, synchronous, so a crash or `kill -9` loses no line already
 * written), one whole line at a time.
 *
 * A full disk (ENOSPC), a file too large (EFBIG) or a path that cannot be
 * opened (EACCES) must not turn an answer into an error, tear a line, or
 * write one twice. SonicBoom on its own does all three: it throws from
 * `write` when no one listens for `error`, leaves a short write's fragment in
 * the file, and keeps the unwritten rest to append before the next line. So
 * each line's write is checked: a failed one is cut back off the file
 * (`ftruncate` to the size before it), the stream is dropped with its
 * leftovers, and the whole line is held in memory (bounded) and written
 * again, in order, once the file takes writes again (tried with the next
 * line, and every second meanwhile). Failures and recovery are told to
 * `report` (the main log), once per streak.
 */
import { fstatSync, ftruncateSync } from 'node:fs';
import pino from 'pino';

type Destination = ReturnType<typeof pino.destination>;

export type LineFileEvent =
  | { event: 'failing'; err: Error; held: number }
  | { event: 'dropped'; dropped: number }
  | { event: 'recovered'; written: number; dropped: number }
  | { event: 'reopen-failed'; err: Error };

export interface LineFileOptions {
  /** Told about failures and recovery; must not throw. */
  report: (event: LineFileEvent) => void;
  /** Bytes of lines held while the file refuses writes; past it the oldest are dropped. Default: 1 MB. */
  maxHeldBytes?: number;
  /** How often held lines are tried again without waiting for the next line, in ms. Default: 1 s. */
  retryMs?: number;
}

export class LineFile {
  private stream: Destination | null = null;
  private failure: Error | null = null;
  private readonly held: string[] = [];
  private heldBytes = 0;
  /** Set while writes fail: how many held lines were dropped meanwhile, and the timer that retries them. */
  private streak: { dropped: number; retry: NodeJS.Timeout } | null = null;

  constructor(
    readonly path: string,
    private readonly options: LineFileOptions,
  ) {
    this.open();
  }

  /** Appends one line (ending in `\n`); never throws. */
  write(line: string): void {
    this.held.push(line);
    this.heldBytes += Buffer.byteLength(line);
    this.dropOverflow();
    this.drain();
  }

  /** Lines waiting for the file to take writes again. */
  get pending(): number {
    return this.held.length;
  }

  /**
   * Opens the path again (logrotate moved the file: new lines go to a new
   * file at the original path), then writes what was held. When the path
   * cannot be opened the failure is reported and lines are held until it
   * can. True when a file is open at the path now.
   */
  reopen(): boolean {
    const stream = this.stream;
    if (stream) {
      try {
        stream.reopen();
      } catch (error) {
        // Dropped rather than kept on the old file: a failed SonicBoom reopen leaves a listener that would
        // close the old descriptor a second time on a later reopen (by then possibly another file's).
        this.discard(stream);
        this.options.report({ event: 'reopen-failed', err: error as Error });
      }
    }
    // Without a stream (writes or the reopen failed) the next write opens the path anew.
    this.drain();
    return this.stream !== null;
  }

  /** Tries once more to write what is held; never throws. */
  flush(): void {
    this.drain();
  }

  private open(): Destination | null {
    if (this.stream) return this.stream;
    try {
      const stream = pino.destination({ dest: this.path, sync: true, mkdir: true, append: true });
      // With a listener, SonicBoom reports a failed write here instead of throwing out of pino.
      stream.on('error', (error: Error) => (this.failure = error));
      this.stream = stream;
      return stream;
    } catch (error) {
      this.failed(error as Error);
      return null;
    }
  }

  private drain(): void {
    let written = 0;
    while (this.held.length > 0) {
      const line = this.held[0]!;
      if (!this.writeWhole(line)) return;
      this.held.shift();
      this.heldBytes -= Buffer.byteLength(line);
      written += 1;
    }
    // Recovered only when the file takes writes: with nothing held, when it can at least be opened.
    if (this.streak && this.open()) {
      clearInterval(this.streak.retry);
      this.options.report({ event: 'recovered', written, dropped: this.streak.dropped });
      this.streak = null;
    }
  }

  /** Writes `line` entirely, or leaves the file as it was and returns false. */
  private writeWhole(line: string): boolean {
    const stream = this.open();
    if (!stream) return false;
    const fd = fdOf(stream);
    const sizeBefore = fd === null ? null : sizeOf(fd);
    this.failure = null;
    try {
      stream.write(line);
    } catch (error) {
      this.failure ??= error as Error;
    }
    const failure = this.failure;
    if (!failure) return true;
    this.failure = null;
    // A short write left part of the line: cut it off (a device such as /dev/full has no size and nothing to cut).
    if (fd !== null && sizeBefore !== null) {
      try {
        ftruncateSync(fd, sizeBefore);
      } catch {
        // The fragment stays only if the file cannot even be truncated; nothing better can be done.
      }
    }
    // The stream keeps the unwritten rest to write before the next line: drop it with the stream.
    this.discard(stream);
    this.failed(failure);
    return false;
  }

  private discard(stream: Destination): void {
    if (this.stream === stream) this.stream = null;
    try {
      stream.destroy();
    } catch {
      // already closed
    }
  }

  private failed(err: Error): void {
    if (this.streak) return;
    // Space freed while nobody asks anything still brings the held lines out, in order.
    const retry = setInterval(() => this.drain(), this.options.retryMs ?? 1_000);
    retry.unref();
    this.streak = { dropped: 0, retry };
    this.options.report({ event: 'failing', err, held: this.held.length });
  }

  private dropOverflow(): void {
    const max = this.options.maxHeldBytes ?? 1_000_000;
    let dropped = 0;
    while (this.heldBytes > max && this.held.length > 1) {
      this.heldBytes -= Buffer.byteLength(this.held.shift()!);
      dropped += 1;
    }
    if (dropped === 0) return;
    const firstInStreak = !this.streak || this.streak.dropped === 0;
    if (this.streak) this.streak.dropped += dropped;
    if (firstInStreak) this.options.report({ event: 'dropped', dropped });
  }
}

/** SonicBoom's open descriptor: public at run time (its `fd`), missing from its types. */
function fdOf(stream: Destination): number | null {
  const fd = (stream as unknown as { fd?: unknown }).fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

function sizeOf(fd: number): number | null {
  try {
    const info = fstatSync(fd);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}
