// Fits the renewal model over the archive's decided terms, or builds the rule-based fallback when there are too few
// (issue 13). Pure over the term facts the repository read, so the service only reads and caches.
import { fitLogistic, predictProbability, contributions, type LogisticModel } from '../../../shared/domain/logisticRegression.ts';
import { auc, calibrationBands } from '../../../shared/domain/modelAccuracy.ts';
import { featureVector, PREDICTION_FEATURES, type TermFacts } from '../../../shared/domain/renewalFeatures.ts';
import { timeSplit } from '../../../shared/domain/timeSplit.ts';
import type { ContractPrediction, PredictionModelReport } from '../../../shared/api/prediction.contract.ts';

/** The model is fitted once this many decided terms ended 90 or more days ago. */
export const MIN_DECIDED_TERMS = 50;
/** The newest quarter of the decided terms (by end date) is held out to measure the model. */
export const HELD_OUT_SHARE = 0.25;
/** The fallback's prior renewal rate when the archive has no decided terms at all (documented in the README). */
export const FALLBACK_PRIOR_RATE = 0.7;
/** How many decided terms' worth of weight the prior (or the overall rate, for a tier) carries in the fallback. */
export const FALLBACK_PRIOR_WEIGHT = 5;
/** The fallback multiplies the tier rate's odds by these for a customer whose health band is stored. */
export const HEALTH_ODDS_FACTORS: Record<string, number> = { healthy: 1.5, watch: 1, danger: 0.5 };
const TOP_DRIVERS = 3;

export interface RenewalModel {
  report: PredictionModelReport;
  model: LogisticModel | null;
  /** Tier code → smoothed renewal rate (fallback). */
  tierRates: Map<string, number>;
  overallRate: number;
}

const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The model over the decided terms that ended by `endedBy`, or the fallback (rates per tier) when there are too few. */
export function buildRenewalModel(decided: readonly TermFacts[], endedBy: string): RenewalModel {
  const labelled = decided.filter((f): f is TermFacts & { outcome: 0 | 1 } => f.outcome !== null);
  const renewed = labelled.filter((f) => f.outcome === 1).length;
  const lost = labelled.length - renewed;
  const overallRate = (renewed + FALLBACK_PRIOR_WEIGHT * FALLBACK_PRIOR_RATE) / (labelled.length + FALLBACK_PRIOR_WEIGHT);
  const perTier = new Map<string, { decided: number; renewed: number }>();
  for (const f of labelled) {
    const t = perTier.get(f.tier) ?? { decided: 0, renewed: 0 };
    t.decided += 1;
    t.renewed += f.outcome;
    perTier.set(f.tier, t);
  }
  const tierRates = new Map([...perTier].map(([tier, t]) => [tier, (t.renewed + FALLBACK_PRIOR_WEIGHT * overallRate) / (t.decided + FALLBACK_PRIOR_WEIGHT)]));
  const fallback = {
    overallRate: round(overallRate),
    tiers: [...perTier].map(([tier, t]) => ({ tier, decided: t.decided, renewed: t.renewed, rate: round(tierRates.get(tier) ?? overallRate) })).sort((a, b) => (a.tier < b.tier ? -1 : 1)),
    healthOddsFactors: HEALTH_ODDS_FACTORS,
  };
  const report: PredictionModelReport = {
    status: 'fallback',
    fallbackReason: null,
    decided: labelled.length,
    needed: MIN_DECIDED_TERMS,
    renewed,
    lost,
    endedBy,
    trainCount: 0,
    testCount: 0,
    testFrom: null,
    testTo: null,
    auc: null,
    calibration: [],
    weights: [],
    fallback,
  };
  if (labelled.length < MIN_DECIDED_TERMS) return { report: { ...report, fallbackReason: 'tooFew' }, model: null, tierRates, overallRate };
  const { train, test } = timeSplit(labelled, (f) => f.endsOn, (f) => f.termId, HELD_OUT_SHARE);
  const trainRenewed = train.filter((f) => f.outcome === 1).length;
  if (trainRenewed === 0 || trainRenewed === train.length) return { report: { ...report, fallbackReason: 'oneOutcome' }, model: null, tierRates, overallRate };
  const model = fitLogistic(PREDICTION_FEATURES, train.map(featureVector), train.map((f) => f.outcome));
  const probabilities = test.map((f) => predictProbability(model, featureVector(f)));
  const outcomes = test.map((f) => f.outcome);
  const measured = auc(probabilities, outcomes);
  return {
    report: {
      ...report,
      status: 'fitted',
      trainCount: train.length,
      testCount: test.length,
      testFrom: test[0]?.endsOn ?? null,
      testTo: test.at(-1)?.endsOn ?? null,
      auc: measured === null ? null : round(measured),
      calibration: calibrationBands(probabilities, outcomes).map((b) => ({ ...b, predicted: b.predicted === null ? null : round(b.predicted), observed: b.observed === null ? null : round(b.observed) })),
      weights: PREDICTION_FEATURES.map((feature, j) => ({ feature, weight: round(model.weights[j] ?? 0) })),
    },
    model,
    tierRates,
    overallRate,
  };
}

/** The odds of one live term: the model's, with its top 3 drivers, or the fallback's tier rate and health band. */
export function predictTerm(m: RenewalModel, f: TermFacts, healthBand: string | undefined): ContractPrediction {
  const head = { contractId: f.termId, contractNo: f.contractNo, customerId: f.customerId, customerName: f.customerName, endsOn: f.endsOn, asOf: f.asOf };
  if (m.model) {
    const x = featureVector(f);
    const parts = contributions(m.model, x);
    const drivers = PREDICTION_FEATURES.map((feature, j) => ({ feature, value: round(x[j] ?? 0, 2), contribution: round(parts[j] ?? 0) }))
      .filter((d) => Math.abs(d.contribution) >= 0.01)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1))
      .slice(0, TOP_DRIVERS);
    return { ...head, method: 'model', probability: round(predictProbability(m.model, x)), drivers, fallbackDrivers: [] };
  }
  const tier = f.tier;
  const rate = m.tierRates.get(tier) ?? m.overallRate;
  const factor = healthBand === undefined ? undefined : HEALTH_ODDS_FACTORS[healthBand];
  const odds = (rate / (1 - rate)) * (factor ?? 1);
  const fallbackDrivers: ContractPrediction['fallbackDrivers'] = [{ kind: 'tierRate', tier, rate: round(rate) }];
  if (factor !== undefined && healthBand !== undefined) fallbackDrivers.push({ kind: 'healthBand', band: healthBand, oddsFactor: factor });
  return { ...head, method: 'fallback', probability: round(odds / (1 + odds)), drivers: [], fallbackDrivers };
}
