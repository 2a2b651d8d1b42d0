// How customer_health.factors holds a score's factors: one JSON array per factor, [factor, points, measured] plus
// absent and since when set ([factor, points, null, absent] / [factor, points, null, absent|null, since]). Half the
// bytes of the objects written before (about 210 against 490 per customer), which bench:risk's full recompute reads,
// compares and writes 100k times. Rows in the earlier object form still read: the next full run rewrites them.
import type { HealthFactorContribution } from './healthBands.ts';

type StoredFactor = [HealthFactorContribution['factor'], number, number | null, HealthFactorContribution['absent'] | null, string];

/**
 * The stored text of `factors`, written out by hand (JSON.stringify's generic walk cost about 0.5 s of CPU per 100k
 * customers). A factor counted from a date (since) is stored without its measure of the day: factorsOn reads it fresh.
 */
export function encodeStoredFactors(factors: readonly HealthFactorContribution[]): string {
  let out = '[';
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i]!;
    if (i > 0) out += ',';
    const measured = f.measured === null || f.since !== undefined ? 'null' : String(f.measured);
    out += `["${f.factor}",${f.points},${measured}`;
    if (f.since !== undefined) out += `,${f.absent === undefined ? 'null' : `"${f.absent}"`},"${f.since}"]`;
    else out += f.absent === undefined ? ']' : `,"${f.absent}"]`;
  }
  return `${out}]`;
}

/** The factors of a stored text, in either form (arrays, or the objects stored before). */
export function decodeStoredFactors(text: string): HealthFactorContribution[] {
  const parsed = JSON.parse(text) as (StoredFactor | HealthFactorContribution)[];
  return parsed.map((f) => {
    if (!Array.isArray(f)) return f;
    const [factor, points, measured, absent, since] = f;
    return { factor, points, measured, ...(absent ? { absent } : {}), ...(since === undefined ? {} : { since }) };
  });
}
