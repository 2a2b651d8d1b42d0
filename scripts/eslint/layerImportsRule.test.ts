import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layer lint rule (DESIGN.md layer map, default-deny)', () => {
  it('fails when renderer/ imports db/', async () => {
    const errors = await layerErrors('renderer/pages/Bad.ts', "import { openDatabase } from '../../db/openDatabase.ts';\nexport const x = openDatabase;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('renderer/ may import only [shared]');
  });

  it("fails when electron/services imports 'electron'", async () => {
    const errors = await layerErrors('electron/services/bad.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(errors).toEqual(["Only electron/main and electron/preload import 'electron' (found in services/)."]);
  });

  it('fails when services reach the query builder or a driver', async () => {
    expect(await layerErrors('electron/services/bad.ts', "import { q } from '../../db/handle.ts';\nexport const x = q;\n")).toHaveLength(1);
    expect(await layerErrors('electron/services/bad.ts', "import { sql } from 'kysely';\nexport const x = sql;\n")).toHaveLength(1);
  });

  it('fails on Node built-ins in shared/ and on shared/ importing any layer', async () => {
    expect(await layerErrors('shared/bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await layerErrors('shared/bad.ts', "import { newId } from '../db/newId.ts';\nexport const x = newId;\n")).toHaveLength(1);
  });

  it('allows the arrows the design draws', async () => {
    expect(await layerErrors('electron/services/ok.ts', "import { newId } from '../../db/newId.ts';\nexport const x = newId;\n")).toEqual([]);
    expect(await layerErrors('electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await layerErrors('renderer/ok.ts', "import { formatMoney } from '../shared/domain/money.ts';\nexport const x = formatMoney;\n")).toEqual([]);
  });
});
