import { useCallback } from 'react';
import type { SurveyDimension } from '../../../shared/api/surveys.contract.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';

/** A dimension's name: the user's, else the catalogue's for a built-in. */
export function useDimensionLabel(): (d: Pick<SurveyDimension, 'code' | 'name'> | undefined) => string {
  const { t } = useI18n();
  return useCallback((d) => (d === undefined ? '' : (d.name ?? t(`surveys.dim.${d.code ?? 'productQuality'}`))), [t]);
}

/** Every dimension (retired ones too, for history), and the ones in use. */
export function useSurveyDimensions() {
  const query = useApiQuery('surveys:dimensions', {});
  const all = query.data?.items ?? [];
  return { query, all, active: all.filter((d) => d.retiredOn === null) };
}

/** The 撤销 notice after a survey write. */
export function useSurveyUndo() {
  return useUndoNotice('surveys:undo', { undo: 'surveys.undo', undone: 'surveys.undone' });
}

/** An average shown to a person: one decimal. */
export const scoreText = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toFixed(1));
