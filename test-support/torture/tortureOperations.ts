// Per operation: where its runs may be killed, whether a kill point implies one exact state, and the next
// operation that must work on the archive a kill left (run in the parent, through the real services).
import { digestArchive } from './archiveDigest.ts';
import type { ChildPoint, ChildReport, TortureOp } from './childProtocol.ts';
import { restoreInput } from './restoreInput.ts';
import { withArchive, type Call } from './tortureTemplates.ts';

export interface NextContext {
  file: string;
  nowIso: string;
  inputs: Record<string, string>;
  known: ReadonlySet<string>;
  reference: ChildReport;
}

export interface TortureOperation {
  points: readonly ChildPoint[];
  /** Same input, same states in the same order: a kill point names the one state it must leave. */
  deterministic: boolean;
  /** After the checks: open the archive the way the app does and use it; returns what went wrong. */
  next(c: NextContext): Promise<string[]>;
}

const PROBE = '崩溃之后的探针客户';

/** A write and a read through the handler table. */
async function probe(call: Call): Promise<string[]> {
  await call('customers:create', { name: PROBE });
  const found = await call('customers:list', { search: '探针' });
  return found.items.some((c: { name: string }) => c.name === PROBE) ? [] : ['the probe customer written after the kill cannot be found'];
}

const openAndProbe = (c: NextContext) => withArchive(c.file, c.nowIso, probe);

/** The archive, once the app opened it, must be the last state of a clean run (a migration finished, a restore done). */
function atFinalState(c: NextContext, what: string): string[] {
  const final = c.reference.states.at(-1)!.whole;
  return digestArchive(c.file, c.known).whole === final ? [] : [`${what} did not reach the state a clean run ends in`];
}

export const OPERATIONS: Record<TortureOp, TortureOperation> = {
  // Every bulk action takes a safety backup first: its rename is a point too.
  import: { points: ['backup:before-rename', 'import:after-chunk', 'before-commit', 'after-commit', 'after-return'], deterministic: true, next: openAndProbe },
  renew: { points: ['renew:after-new-term', 'before-commit', 'after-commit', 'after-return'], deterministic: true, next: openAndProbe },
  bulk: {
    points: ['backup:before-rename', 'delete:after-tree', 'before-commit', 'after-commit', 'after-return'],
    deterministic: true,
    next: openAndProbe,
  },
  migration: {
    points: ['backup:before-rename', 'before-commit', 'after-commit', 'after-return'],
    deterministic: true,
    async next(c) {
      // Opening finishes what the kill interrupted: the archive must end as a clean migration ends.
      await withArchive(c.file, c.nowIso, async () => {});
      const problems = atFinalState(c, 'reopening after the kill');
      return [...problems, ...(await openAndProbe(c))];
    },
  },
  backup: {
    points: ['backup:before-rename', 'before-commit', 'after-commit', 'after-return'],
    // Where a backup falls among the writes depends on the event loop.
    deterministic: false,
    next: (c) =>
      withArchive(c.file, c.nowIso, async (call) => {
        // The same clock as the killed child: the next backup's name may be that of the half file it left.
        const made = await call('system:backup');
        const listed = await call('system:listBackups');
        const problems = listed.items.some((b: { name: string }) => b.name === made.name) ? [] : ['the backup made after the kill is not listed'];
        return [...problems, ...(await probe(call))];
      }),
  },
  restore: {
    points: ['backup:before-rename', 'restore:staged', 'restore:swapped', 'after-return'],
    deterministic: true,
    async next(c) {
      // Whatever the kill left (a staging file, a safety backup), restoring again works and ends restored.
      await withArchive(c.file, c.nowIso, (call) => call('system:restore', restoreInput(c.inputs['backup']!)));
      const problems = atFinalState(c, 'restoring again after the kill');
      return [...problems, ...(await openAndProbe(c))];
    },
  },
};
