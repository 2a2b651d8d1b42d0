// CI runs each fuzz suite small and with fixed seeds; `npm run fuzz` sets FUZZ_SCALE (10 there) for a longer run,
// and FUZZ_SEED picks other seeds. A failure prints its seed, so any run can be repeated exactly.
export function fuzzScale(): number {
  const scale = Number(process.env['FUZZ_SCALE'] ?? 1);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

export function fuzzSeed(fallback: number): number {
  const seed = Number(process.env['FUZZ_SEED']);
  return Number.isInteger(seed) ? seed : fallback;
}

/** `n` scaled, never below 1. */
export function scaled(n: number): number {
  return Math.max(1, Math.round(n * fuzzScale()));
}
