// Where a decoder meets bytes that are not text in its encoding, by physical line. Bounded: a file read in the
// wrong encoding can have millions, so only the first lines are listed and the rest are counted.

export const MAX_LISTED_LINES = 100;

export interface InvalidLine {
  line: number;
  /** Invalid sequences on this line, each shown as one U+FFFD. */
  count: number;
}

export class InvalidSequences {
  /** Sequences in the whole file, each replaced by one U+FFFD when decoded. */
  count = 0;
  /** Lines holding at least one. */
  lineCount = 0;
  /** The first MAX_LISTED_LINES of those lines. */
  readonly lines: InvalidLine[] = [];
  /** Sequences on lines past the listed ones, and the first such line. */
  unlisted = 0;
  firstUnlistedLine: number | null = null;
  private lastLine = 0;

  add(line: number): void {
    this.count++;
    if (line === this.lastLine) {
      if (this.firstUnlistedLine === null) this.lines[this.lines.length - 1]!.count++;
      else this.unlisted++;
      return;
    }
    this.lastLine = line;
    this.lineCount++;
    if (this.lines.length < MAX_LISTED_LINES) this.lines.push({ line, count: 1 });
    else {
      this.firstUnlistedLine ??= line;
      this.unlisted++;
    }
  }
}
