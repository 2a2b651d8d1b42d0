import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import type { MessageKey } from '../../../shared/i18n/zhCN.ts';
import type { PredictionFeature } from '../../../shared/domain/renewalFeatures.ts';

/** A 0..1 share as a whole percent. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

const FEATURE_UNIT: Record<PredictionFeature, MessageKey | null> = {
  paymentDelay: 'prediction.value.days',
  usageDrop: 'prediction.value.percent',
  interactionChange: 'prediction.value.times',
  competitorEvents: 'prediction.value.count',
  daysSinceFollowUp: 'prediction.value.days',
  noPhoneContact: null,
  // The amount's log and the tier's rank are no figure a person reads: the driver names them without a value.
  amountLog: null,
  cycleMonths: 'prediction.value.months',
  tierRank: null,
  earlierRenewals: 'prediction.value.count',
};

export function featureLabel(t: Translate, feature: PredictionFeature): string {
  return t(`prediction.feature.${feature}`);
}

/** "回款逾期（23 天）↓ 降低续约可能" */
export function driverText(t: Translate, d: { feature: PredictionFeature; value: number; contribution: number }): string {
  const unit = FEATURE_UNIT[d.feature];
  const value =
    d.feature === 'noPhoneContact'
      ? t(d.value ? 'prediction.value.yes' : 'prediction.value.no')
      : unit
        ? t(unit, { v: Math.round(d.value * 10) / 10 })
        : null;
  const feature = featureLabel(t, d.feature);
  if (value === null) return t(d.contribution > 0 ? 'prediction.driverRaisesPlain' : 'prediction.driverLowersPlain', { feature });
  return t(d.contribution > 0 ? 'prediction.driverRaises' : 'prediction.driverLowers', { feature, value });
}
