// Issue 13's local renewal prediction: a logistic regression fitted by plain gradient descent on standardized
// features with an L2 penalty. Deterministic: the weights start at zero and every step is a full batch, so the
// same rows give the same model (no random initialisation, no shuffling).

export interface LogisticModel {
  /** The feature names, in the order of `weights`. */
  features: string[];
  /** Per feature: the training mean and standard deviation used to standardize (sd 1 when the feature is constant). */
  means: number[];
  sds: number[];
  /** One weight per standardized feature: > 0 raises the odds of the outcome (renewal), < 0 lowers them. */
  weights: number[];
  intercept: number;
}

export interface FitOptions {
  /** Gradient-descent steps (full batch). */
  iterations?: number;
  learningRate?: number;
  /** L2 penalty on the weights (not the intercept), per row. */
  l2?: number;
  /** Stops early once no gradient component (weights and intercept) is larger than this. */
  tolerance?: number;
}

export const DEFAULT_FIT: Required<FitOptions> = { iterations: 400, learningRate: 0.5, l2: 0.01, tolerance: 1e-6 };

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function meanAndSd(rows: readonly (readonly number[])[], j: number): { mean: number; sd: number } {
  const n = rows.length;
  let sum = 0;
  for (const r of rows) sum += r[j] ?? 0;
  const mean = n > 0 ? sum / n : 0;
  let sq = 0;
  for (const r of rows) sq += ((r[j] ?? 0) - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(sq / n) : 0;
  return { mean, sd: sd > 1e-12 ? sd : 1 };
}

/** Fits P(y = 1 | x) = sigmoid(b + Σ wⱼ·zⱼ), zⱼ = (xⱼ − meanⱼ) / sdⱼ. `labels` are 0 or 1, one per row. */
export function fitLogistic(features: readonly string[], rows: readonly (readonly number[])[], labels: readonly number[], options: FitOptions = {}): LogisticModel {
  if (rows.length !== labels.length) throw new Error('fitLogistic: one label per row');
  const { iterations, learningRate, l2, tolerance } = { ...DEFAULT_FIT, ...options };
  const k = features.length;
  const n = rows.length;
  const stats = features.map((_, j) => meanAndSd(rows, j));
  // Standardized rows in one flat array (row i's feature j at i·k + j): the loop below is the whole cost of a fit.
  const z = new Float64Array(n * k);
  const y = Float64Array.from(labels);
  rows.forEach((r, i) => stats.forEach((s, j) => (z[i * k + j] = ((r[j] ?? 0) - s.mean) / s.sd)));
  const w = new Float64Array(k);
  const positives = labels.reduce((s, v) => s + v, 0);
  // Start the intercept at the base rate's log-odds (clamped): fewer steps to converge, still deterministic.
  const base = n > 0 ? Math.min(0.99, Math.max(0.01, positives / n)) : 0.5;
  let b = Math.log(base / (1 - base));
  const grad = new Float64Array(k);
  for (let it = 0; it < iterations && n > 0; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0, o = 0; i < n; i++, o += k) {
      let s = b;
      for (let j = 0; j < k; j++) s += w[j]! * z[o + j]!;
      const err = sigmoid(s) - y[i]!;
      gb += err;
      for (let j = 0; j < k; j++) grad[j] = grad[j]! + err * z[o + j]!;
    }
    let largest = Math.abs(gb / n);
    for (let j = 0; j < k; j++) {
      const g = grad[j]! / n + l2 * w[j]!;
      largest = Math.max(largest, Math.abs(g));
      w[j] = w[j]! - learningRate * g;
    }
    b -= learningRate * (gb / n);
    if (largest < tolerance) break;
  }
  return { features: [...features], means: stats.map((s) => s.mean), sds: stats.map((s) => s.sd), weights: Array.from(w), intercept: b };
}

/** Each feature's share of the log-odds for one row: wⱼ·zⱼ (positive raises the odds). */
export function contributions(model: LogisticModel, row: readonly number[]): number[] {
  return model.weights.map((w, j) => w * (((row[j] ?? 0) - model.means[j]!) / model.sds[j]!));
}

export function predictProbability(model: LogisticModel, row: readonly number[]): number {
  return sigmoid(contributions(model, row).reduce((s, c) => s + c, model.intercept));
}
