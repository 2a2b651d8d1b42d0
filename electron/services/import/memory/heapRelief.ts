// A million-row import allocates gigabytes of short-lived strings. Much of it survives a scavenge (a chunk
// lives for a few milliseconds) and V8 then grows the old generation lazily, to several hundred MB of
// garbage around a live set of a few tens of MB. A full collection every few thousand rows keeps the peak
// RSS flat. V8's gc() is reachable without --expose-gc through a fresh context once the flag is set.
import v8 from 'node:v8';
import vm from 'node:vm';

const HEAP_SLACK_BYTES = 64 * 1024 * 1024;

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Collects when the heap holds well more than it needs to; cheap to call often. */
export function relieveHeap(): void {
  // getHeapStatistics reads V8's counters; process.memoryUsage() would also read /proc for the RSS.
  if (v8.getHeapStatistics().used_heap_size < HEAP_SLACK_BYTES) return;
  collector()?.();
}
