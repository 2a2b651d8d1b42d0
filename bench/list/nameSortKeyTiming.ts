// Part of bench:list: the name sort key the import computes per new customer, timed against pinyin-pro alone.
import { pinyin } from 'pinyin-pro';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { out } from '../benchRuns.ts';

/**
 * The import computes a key per new customer: nameSortKey over every name of the archive, against pinyin-pro's
 * plain conversion of the same names (toned, as a string) in the same run. Rounds alternate; best and median.
 */
export function timeNameSortKeys(names: readonly string[]): void {
  const rounds = 5;
  const key: number[] = [];
  const base: number[] = [];
  let sink = 0;
  const time = (fn: (name: string) => string) => {
    const t = performance.now();
    for (const name of names) sink += fn(name).length;
    return ((performance.now() - t) * 1000) / names.length;
  };
  for (let r = 0; r < rounds; r++) {
    base.push(time((name) => pinyin(name)));
    key.push(time(nameSortKey));
  }
  key.sort((a, b) => a - b);
  base.sort((a, b) => a - b);
  const median = (v: number[]) => v[Math.floor(v.length / 2)]!;
  out();
  out(`== Name sort key over ${names.length} names, ${rounds} rounds (µs per name; ${sink > 0 ? 'checked' : 'empty'})`);
  out(`nameSortKey best ${key[0]!.toFixed(2)}, median ${median(key).toFixed(2)}; pinyin-pro pinyin(name) best ${base[0]!.toFixed(2)}, median ${median(base).toFixed(2)}; ratio ${(key[0]! / base[0]!).toFixed(2)}× best, ${(median(key) / median(base)).toFixed(2)}× median`);
}
