import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { afterEach, describe, expect, it } from 'vitest';

// .github/workflows/package.yml runs only on GitHub's runners. Here it is checked against GitHub's workflow
// schema by action-validator (offline: a WebAssembly build of the validator, no network), and tied to the files
// and names in this repository it depends on.

const projectRoot = path.resolve(import.meta.dirname, '..');
const workflowFile = path.join(projectRoot, '.github', 'workflows', 'package.yml');
const workflow = fs.readFileSync(workflowFile, 'utf8');
const validator = path.join(projectRoot, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const dirs: string[] = [];

function validate(file: string) {
  return spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('.github/workflows/package.yml', () => {
  it("passes action-validator's schema check", () => {
    const result = validate(workflowFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is checked for real: a job with a misspelt key, or a step without run or uses, is rejected', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-workflow-'));
    dirs.push(dir);
    const broken = (name: string, text: string) => {
      expect(text).not.toBe(workflow);
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return validate(file);
    };
    const misspelt = broken('misspelt.yml', workflow.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}'));
    expect(misspelt.status).toBe(1);
    expect(misspelt.stderr).toContain("Additional property 'runs_on' is not allowed");
    const emptyStep = broken('empty-step.yml', workflow.replace('      - name: npm 11\n        run: npm install --global npm@11.19.1\n', '      - name: npm 11\n'));
    expect(emptyStep.status).toBe(1);
  });

  it('builds on Linux, Windows and macOS, downloading Electron, never publishing, and checks the fuses of the binaries electron-builder names', async () => {
    for (const runner of ['ubuntu-', 'windows-', 'macos-']) expect(workflow).toMatch(new RegExp(`os: ${runner}\\d`));
    expect(workflow).toContain('run: npm ci');
    expect(workflow).toContain('run: node node_modules/electron/install.js');
    expect(workflow).toContain('npx electron-builder --config build/electron-builder.yml --publish never');
    const config = await getConfig(projectRoot, path.join('build', 'electron-builder.yml'), null);
    // Where electron-builder leaves each unpacked app: Linux's executableName, elsewhere the product name.
    expect(workflow).toContain(`app: release/linux-unpacked/${config.linux?.executableName}\n`);
    expect(workflow).toContain(`app: release/win-unpacked/${config.productName}.exe\n`);
    expect(workflow).toContain(`app: release/mac-arm64/${config.productName}.app\n`);
    expect(workflow).toContain('node scripts/check-packaged-fuses.mjs "${{ matrix.app }}" build/electron-builder.yml');
    expect(workflow).toMatch(/uses: actions\/upload-artifact@v\d+\n\s+with:\n\s+name: installers-/);
  });

  it('smoke-tests the Linux build under D-Bus and a virtual display with the e2e-electron config', () => {
    expect(workflow).toContain('npx electron-builder --config build/electron-builder.smoke.yml --linux --dir --publish never');
    expect(workflow).toMatch(/dbus-run-session --\s+xvfb-run [^\n]*\n\s+npx playwright test --config e2e-electron\/playwright\.config\.ts/);
    expect(workflow).toContain('RENEWAL_DESK_APP: release-smoke/linux-unpacked/renewal-desk');
  });

  it('names only files that exist', () => {
    const named = [...workflow.matchAll(/(?:build|scripts|e2e-electron)\/[\w.-]+\.(?:yml|mjs|ts)/g)].map((m) => m[0]);
    expect(new Set(named)).toEqual(new Set(['build/electron-builder.yml', 'build/electron-builder.smoke.yml', 'scripts/check-packaged-fuses.mjs', 'scripts/packageWorkflow.test.ts', 'e2e-electron/playwright.config.ts']));
    for (const file of named) expect(fs.existsSync(path.join(projectRoot, file)), file).toBe(true);
  });
});
