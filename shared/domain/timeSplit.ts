/**
 * The time split of the renewal prediction: the newest `heldOutShare` of the rows by end date (ties by id, so the
 * split is the same on every run) are held out for testing; the older ones train the model. A time split, not a
 * random one: the model is judged on terms that ended after everything it learnt from, as it will be used.
 */
export function timeSplit<T>(rows: readonly T[], endOf: (r: T) => string, idOf: (r: T) => string, heldOutShare = 0.25): { train: T[]; test: T[] } {
  const sorted = [...rows].sort((a, b) => {
    const ea = endOf(a);
    const eb = endOf(b);
    if (ea !== eb) return ea < eb ? -1 : 1;
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const testCount = Math.round(sorted.length * heldOutShare);
  return { train: sorted.slice(0, sorted.length - testCount), test: sorted.slice(sorted.length - testCount) };
}
