// A survey's scores: dimension id → 1..5. Its average is the plain mean of the scores it has (a dimension added
// after it was taken is absent, not zero).

export function surveyAverage(scores: Record<string, number>): number | null {
  const values = Object.values(scores);
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** The period a survey date falls in: 'YYYY-MM' by month, 'YYYY-Qn' by quarter (as the results group them). */
export function surveyPeriodOf(onDate: string, period: 'month' | 'quarter'): string {
  if (period === 'month') return onDate.slice(0, 7);
  return `${onDate.slice(0, 4)}-Q${Math.floor((Number(onDate.slice(5, 7)) + 2) / 3)}`;
}

/** An average shown to a person: one decimal. */
export function formatScore(average: number | null): string {
  return average === null ? '—' : average.toFixed(1);
}
