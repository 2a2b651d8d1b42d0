// How good a probability model is on held-out outcomes, in figures that can be said in plain words:
// the AUC (in how many pairs of one positive and one negative the positive got the higher score) and calibration
// by bands of predicted probability (what was predicted against what happened).

/**
 * The area under the ROC curve by counting pairs: of every (positive, negative) pair, the share where the positive
 * has the higher score, ties counted half. null when either class is empty (nothing to compare).
 */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const items = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  const positives = items.filter((x) => x.y === 1).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // Rank sum of the positives (average ranks over ties): Mann–Whitney U.
  let rankSum = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j + 1 < items.length && items[j + 1]!.s === items[i]!.s) j++;
    const averageRank = (i + j + 2) / 2;
    for (let t = i; t <= j; t++) if (items[t]!.y === 1) rankSum += averageRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface CalibrationBand {
  /** The band's predicted-probability range [from, to) (the last one includes 1). */
  from: number;
  to: number;
  count: number;
  /** The mean predicted probability of the band's rows; null when empty. */
  predicted: number | null;
  /** The share of the band's rows whose outcome was 1; null when empty. */
  observed: number | null;
}

/** Calibration over fixed bands of predicted probability (default five of 20 points each). */
export function calibrationBands(probabilities: readonly number[], labels: readonly number[], edges: readonly number[] = [0, 0.2, 0.4, 0.6, 0.8, 1]): CalibrationBand[] {
  const bands: CalibrationBand[] = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const from = edges[b]!;
    const to = edges[b + 1]!;
    const last = b + 2 === edges.length;
    let count = 0;
    let p = 0;
    let y = 0;
    probabilities.forEach((pr, i) => {
      if (pr >= from && (pr < to || (last && pr <= to))) {
        count++;
        p += pr;
        y += labels[i]!;
      }
    });
    bands.push({ from, to, count, predicted: count ? p / count : null, observed: count ? y / count : null });
  }
  return bands;
}
