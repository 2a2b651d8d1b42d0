import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that run longest on the two-core machine, longest first (per-file times of a full run). A fresh
 * clone has no timing cache, so vitest would start the largest files first: the torture slice, a small file, began
 * 93rd of 139 and ran alone at the end. A name missing here only costs balance, never a test.
 */
export const LONG_RUNNING = [
  'electron/services/torture/torture.test.ts',
  'electron/services/import/importCrash.test.ts',
  'electron/services/reminders/reminderSoak.test.ts',
  'electron/services/handlerFuzz.test.ts',
  'electron/services/backend/startBackendWorker.test.ts',
  'electron/services/reminders/reminderCrash.test.ts',
  'electron/services/import/importFuzz.test.ts',
  'electron/main/startMain.test.ts',
  'electron/cli/importCommand.test.ts',
  'electron/cli/cli.test.ts',
  'electron/services/export/libreOfficeInterop.test.ts',
  'electron/services/import/source/readerFuzz.test.ts',
  'db/repositories/customerListQuery.test.ts',
  'electron/cli/remindCommand.test.ts',
  'electron/cli/backupCommands.test.ts',
  'scripts/build-node.test.ts',
  'electron/services/import/importContracts.test.ts',
  'electron/web/webHostFuzz.test.ts',
  'electron/cli/cliLanguage.test.ts',
];

function rank(file: TestSpecification): number {
  const i = LONG_RUNNING.findIndex((name) => file.moduleId.endsWith(`/${name}`));
  return i < 0 ? LONG_RUNNING.length : i;
}

/** Vitest's order (projects in turn, timing cache when there is one), with the known long files of each project first. */
export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projectOrder = new Map<string, number>();
    for (const f of sorted) if (!projectOrder.has(f.project.name)) projectOrder.set(f.project.name, projectOrder.size);
    const position = new Map(sorted.map((f, i) => [f, i]));
    return [...sorted].sort(
      (a, b) =>
        projectOrder.get(a.project.name)! - projectOrder.get(b.project.name)! || rank(a) - rank(b) || position.get(a)! - position.get(b)!,
    );
  }
}
