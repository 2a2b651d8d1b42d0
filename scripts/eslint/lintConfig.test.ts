// The project's real ESLint configuration on small sources placed (virtually) where each rule must bite.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
// Sources placed where no file exists are outside every TypeScript project: the type-aware rules are off for
// them, and the floating-promise case lints a path the config's project service accepts (fixtures/).
const untyped = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

async function errors(file: string, code: string, rule: string): Promise<string[]> {
  const linter = file.startsWith('scripts/eslint/fixtures/') ? eslint : untyped;
  const [result] = await linter.lintText(code, { filePath: path.join(root, file) });
  const messages = result?.messages ?? [];
  const parsing = messages.find((m) => m.ruleId === null);
  if (parsing) throw new Error(`${file} did not parse: ${parsing.message}`);
  return messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}
const layerErrors = (file: string, code: string) => errors(file, code, 'layers/imports');
const escapeErrors = (file: string, code: string) => errors(file, code, 'types/no-escape');

describe('layer rule (DESIGN.md layer map, default-deny)', () => {
  it('fails on a file that belongs to no layer', async () => {
    const found = await layerErrors('misc/stray.ts', 'export const x = 1;\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('misc/stray.ts belongs to no layer');
    expect(await layerErrors('tools/helper.js', 'export const x = 1;\n')).toHaveLength(1);
  });

  it('fails when electron/main (or web, or cli) imports db/', async () => {
    for (const file of ['electron/main/bad.ts', 'electron/web/bad.ts', 'electron/cli/bad.ts']) {
      const found = await layerErrors(file, "import { newId } from '../../db/newId.ts';\nexport const x = newId;\n");
      expect(found, file).toHaveLength(1);
      expect(found[0]).toContain('may import only [shared, services], not db/');
    }
  });

  it('fails when a service imports a table type', async () => {
    const found = await layerErrors('electron/services/bad.ts', "import type { Database } from '../../db/schema.ts';\nexport type X = Database;\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Table shapes stay inside db/');
  });

  it('fails when renderer/ imports db/', async () => {
    const found = await layerErrors('renderer/pages/Bad.ts', "import { openDatabase } from '../../db/openDatabase.ts';\nexport const x = openDatabase;\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('renderer/ may import only [shared]');
  });

  it("fails when electron/services imports 'electron'", async () => {
    const found = await layerErrors('electron/services/bad.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(found).toEqual(["Only electron/main and electron/preload import 'electron' (found in services/)."]);
  });

  it('fails when services reach the query builder or a driver', async () => {
    expect(await layerErrors('electron/services/bad.ts', "import { q } from '../../db/handle.ts';\nexport const x = q;\n")).toHaveLength(1);
    expect(await layerErrors('electron/services/bad.ts', "import { sql } from 'kysely';\nexport const x = sql;\n")).toHaveLength(1);
  });

  it('fails on Node built-ins in shared/ and on shared/ importing any layer', async () => {
    expect(await layerErrors('shared/bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await layerErrors('shared/bad.ts', "import { newId } from '../db/newId.ts';\nexport const x = newId;\n")).toHaveLength(1);
  });

  it('gives tests test-support, not the other layers', async () => {
    const helper = "import { openTestContext } from '../../test-support/openTestContext.ts';\nexport const x = openTestContext;\n";
    expect(await layerErrors('db/repositories/x.test.ts', helper)).toEqual([]);
    expect(await layerErrors('db/repositories/x.ts', helper)).toHaveLength(1);
    const reachUp = "import { createCustomer } from '../../electron/services/customers/customers.service.ts';\nexport const x = createCustomer;\n";
    expect(await layerErrors('db/repositories/x.test.ts', reachUp)).toHaveLength(1);
  });

  it('allows the arrows the design draws', async () => {
    expect(await layerErrors('electron/services/ok.ts', "import { newId } from '../../db/newId.ts';\nexport const x = newId;\n")).toEqual([]);
    expect(await layerErrors('electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await layerErrors('renderer/ok.ts', "import { formatMoney } from '../shared/domain/money.ts';\nexport const x = formatMoney;\n")).toEqual([]);
    expect(await layerErrors('bench/ok.ts', "import { rawOf } from '../db/handle.ts';\nexport const x = rawOf;\n")).toEqual([]);
  });
});

describe('type-escape casts', () => {
  it('fails on as never, as any and as unknown as outside tests', async () => {
    const code = 'export const a = (1 as never);\nexport const b = (2 as any);\nexport const c = ("x" as unknown as number);\nexport const d = <never>3;\n';
    expect(await escapeErrors('electron/services/bad.ts', code)).toHaveLength(4);
    expect(await escapeErrors('electron/services/bad.test.ts', code)).toEqual([]);
  });

  it('allows ordinary narrowing casts', async () => {
    expect(await escapeErrors('electron/services/ok.ts', 'const v: unknown = 1;\nexport const n = v as number;\nexport const u = n as unknown;\n')).toEqual([]);
  });

  it('fails on @ts-ignore anywhere and on @ts-expect-error outside tests', async () => {
    const code = '// @ts-ignore\nexport const a: number = "x";\n// @ts-expect-error\nexport const b: number = "y";\n';
    expect(await errors('shared/bad.ts', code, '@typescript-eslint/ban-ts-comment')).toHaveLength(2);
    // A type-level test may say a line must not compile; it may not silence one.
    const inTest = await errors('shared/bad.test.ts', code, '@typescript-eslint/ban-ts-comment');
    expect(inTest).toHaveLength(1);
    expect(inTest[0]).toContain('@ts-ignore');
  });
});

describe('size and promises', () => {
  it('fails on a file over 400 lines of code, not counting comments and blank lines', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect(await errors('shared/big.ts', `${lines(401)}\n`, 'max-lines')).toHaveLength(1);
    expect(await errors('shared/big.ts', `${lines(400)}\n${'// why\n\n'.repeat(200)}`, 'max-lines')).toEqual([]);
  });

  it('fails on a floating promise, and accepts an awaited or voided one', async () => {
    const body = (call: string) => `async function work(): Promise<void> {}\nexport async function run(): Promise<void> {\n  ${call};\n}\n`;
    expect(await errors('scripts/eslint/fixtures/floating.ts', body('work()'), '@typescript-eslint/no-floating-promises')).toHaveLength(1);
    expect(await errors('scripts/eslint/fixtures/floating.ts', body('await work()'), '@typescript-eslint/no-floating-promises')).toEqual([]);
    expect(await errors('scripts/eslint/fixtures/floating.ts', body('void work()'), '@typescript-eslint/no-floating-promises')).toEqual([]);
  });
});
