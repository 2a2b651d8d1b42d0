// A survey's scores: dimension id → 1..5. Its average is the plain mean of the scores it has (a dimension added
// after it was taken is absent, not zero).

export function surveyAverage(scores: Record<string, number>): number | null {
  const values = Object.values(scores);
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}
