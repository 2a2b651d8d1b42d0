import { describe, expect, it } from 'vitest';
import { contributions, fitLogistic, predictProbability, sigmoid } from './logisticRegression.ts';
import { auc, calibrationBands } from './modelAccuracy.ts';
import { mulberry32 } from './seededRandom.ts';
import { timeSplit } from './timeSplit.ts';

// A synthetic renewal history generated with a known rule: payment delay, usage drop and competitor events lower
// the odds, the amount and earlier renewals raise them; a noise feature does nothing.
const FEATURES = ['delay', 'usageDrop', 'competitor', 'amountLog', 'earlier', 'noise'];
const TRUE_WEIGHTS = [-0.06, -0.04, -1.2, 0.8, 0.6, 0];

function syntheticHistory(seed: number, n: number) {
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: n }, (_, i) => {
    const x = [
      rand() < 0.3 ? Math.round(rand() * 60) : 0,
      rand() < 0.4 ? Math.round(rand() * 80) : 0,
      rand() < 0.2 ? 1 : 0,
      8 + normal(),
      Math.floor(rand() * 4),
      normal(),
    ];
    const logit = 1.2 - 6.4 + x.reduce((s, v, j) => s + v * TRUE_WEIGHTS[j]!, 0);
    const y = rand() < sigmoid(logit) ? 1 : 0;
    const endOn = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return { id: `t${String(i).padStart(5, '0')}`, endOn, x, y };
  });
}

function fitOnHistory(seed: number) {
  const { train, test } = timeSplit(syntheticHistory(seed, 1200), (r) => r.endOn, (r) => r.id);
  const model = fitLogistic(FEATURES, train.map((r) => r.x), train.map((r) => r.y));
  const p = test.map((r) => predictProbability(model, r.x));
  return { model, train, test, auc: auc(p, test.map((r) => r.y)), calibration: calibrationBands(p, test.map((r) => r.y)) };
}

describe('logistic regression on a synthetic history with a known rule', () => {
  it('recovers the sign of each driver and reaches AUC ≥ 0.8 on the newest 25% held out', () => {
    const { model, train, test, auc: a } = fitOnHistory(13);
    expect(test).toHaveLength(300);
    expect(test[0]!.endOn > train.at(-1)!.endOn).toBe(true);
    TRUE_WEIGHTS.forEach((w, j) => {
      if (w !== 0) expect(Math.sign(model.weights[j]!), FEATURES[j]).toBe(Math.sign(w));
    });
    // The noise feature stays the smallest weight.
    const magnitudes = model.weights.map(Math.abs);
    expect(magnitudes[5]).toBe(Math.min(...magnitudes));
    expect(a).toBeGreaterThanOrEqual(0.8);
  });

  it('is deterministic: the same seed gives the same model, another seed another one', () => {
    expect(fitOnHistory(7).model).toEqual(fitOnHistory(7).model);
    expect(fitOnHistory(8).model.weights).not.toEqual(fitOnHistory(7).model.weights);
  });

  it('contributions sum with the intercept to the log-odds', () => {
    const { model, test } = fitOnHistory(3);
    const row = test[0]!.x;
    const logit = contributions(model, row).reduce((s, c) => s + c, model.intercept);
    expect(sigmoid(logit)).toBeCloseTo(predictProbability(model, row), 12);
  });

  it('a constant feature gets no weight and no NaN', () => {
    const model = fitLogistic(['c', 'x'], [[1, 0], [1, 1], [1, 2], [1, 3]], [0, 0, 1, 1]);
    expect(model.weights[0]).toBe(0);
    expect(model.weights[1]).toBeGreaterThan(0);
  });
});

describe('AUC and calibration', () => {
  it('counts pairs, ties half', () => {
    expect(auc([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.1, 0.2, 0.9, 0.8], [1, 1, 0, 0])).toBe(0);
    expect(auc([0.5, 0.5], [1, 0])).toBe(0.5);
    // Pairs: (0.8 vs 0.3) win, (0.8 vs 0.9) lose, (0.3 vs 0.3) tie, (0.3 vs 0.9) lose: 1.5 of 4.
    expect(auc([0.8, 0.3, 0.3, 0.9], [1, 1, 0, 0])).toBe(0.375);
    expect(auc([0.1, 0.2], [1, 1])).toBeNull();
  });

  it('bands predicted against observed', () => {
    const bands = calibrationBands([0.1, 0.15, 0.9, 1, 0.5], [0, 1, 1, 1, 0]);
    expect(bands.map((b) => b.count)).toEqual([2, 0, 1, 0, 2]);
    expect(bands[0]!.observed).toBe(0.5);
    expect(bands[0]!.predicted).toBeCloseTo(0.125, 12);
    expect(bands[4]!.observed).toBe(1);
    expect(bands[1]!.predicted).toBeNull();
  });
});
