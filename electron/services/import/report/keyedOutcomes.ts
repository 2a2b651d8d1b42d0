import { CompactStringMap } from '../memory/compactStringMap.ts';
import type { ImportReport, Outcome } from './importReport.ts';

/**
 * The outcome of each record keyed in the file (a contract number, a customer name), packed with the line
 * of its latest row into one number, in a CompactStringMap so the key set stays small for million-row files.
 */
export class KeyedOutcomes {
  readonly #map = new CompactStringMap();
  static readonly #CODES: Outcome[] = ['created', 'updated', 'unchanged'];

  get(key: string): { line: number; outcome: Outcome } | undefined {
    const packed = this.#map.get(key);
    return packed === undefined ? undefined : { line: Math.floor(packed / 4), outcome: KeyedOutcomes.#CODES[packed % 4]! };
  }

  /**
   * Records a row for `key` and returns the outcome to count. A repeat is reported as a duplicate and moves
   * the record's count: created stays created, unchanged becomes updated once a later row changes it.
   */
  record(
    key: string,
    line: number,
    rowOutcome: Outcome,
    counts: Record<Outcome, number>,
    report: ImportReport,
  ): void {
    const previous = this.get(key);
    let outcome = rowOutcome;
    if (previous) {
      report.duplicates.push({ line: previous.line, supersededBy: line });
      counts[previous.outcome]--;
      if (previous.outcome === 'created') outcome = 'created';
      else if (previous.outcome === 'updated') outcome = 'updated';
    }
    counts[outcome]++;
    this.#map.set(key, line * 4 + KeyedOutcomes.#CODES.indexOf(outcome));
  }

  get size(): number {
    return this.#map.size;
  }
}
