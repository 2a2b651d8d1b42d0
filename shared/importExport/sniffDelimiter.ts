// Which character separates fields: the candidate that appears the same non-zero number of times on most
// lines of the sample, counting only outside quotes. Comma wins ties, since that is what Excel writes.

export const DELIMITER_CANDIDATES = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITER_CANDIDATES)[number];

function countsPerRecord(sample: string, delimiter: string, maxRecords: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  let lineHasContent = false;
  for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
    const c = sample[i];
    if (c === '"') {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (lineHasContent) counts.push(count);
      count = 0;
      lineHasContent = false;
    } else if (!inQuotes && c === delimiter) {
      count++;
      lineHasContent = true;
    } else if (c !== ' ') {
      lineHasContent = true;
    }
  }
  // The sample usually ends inside a record; only a record that ended counts, unless it is the only one.
  if (counts.length === 0 && lineHasContent) counts.push(count);
  return counts;
}

export function sniffDelimiter(sample: string, maxRecords = 50): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITER_CANDIDATES) {
    const counts = countsPerRecord(sample, d, maxRecords);
    if (counts.length === 0) continue;
    const header = counts[0]!;
    if (header === 0) continue;
    const agreeing = counts.filter((n) => n === header).length;
    // Lines agreeing with the header, weighted by how many fields that gives.
    const score = (agreeing / counts.length) * Math.log2(header + 2);
    if (score > bestScore + 1e-9) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
