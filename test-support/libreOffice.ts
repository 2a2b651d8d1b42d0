// Debian's LibreOffice (libreoffice-calc-nogui, installed by scripts/ensureSystemPackages.mjs) as the real
// spreadsheet program the interop test hands our exports to: headless `soffice --convert-to`, on a private
// profile so it never touches (or waits on) a user's, and with the CSV filter options spelled out.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice binary on PATH, or null. */
export function findSoffice(): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'soffice');
    if (dir !== '' && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The CSV filter's options (https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html):
 * comma (44), double quote (34), UTF-8 (76), data from line 1, standard column types, then on export "save
 * cell contents as shown" (token 9), so a date cell formatted yyyy-mm-dd is written as the CSV export writes it.
 */
export const CSV_UTF8 = '44,34,76,1,,0,false,true,true,false,false';

/**
 * Converts `input` into `outDir` with one soffice start; `to` is a --convert-to target such as
 * `csv:Text - txt - csv (StarCalc):<options>` or `xlsx:Calc MS Excel 2007 XML`. Resolves with the output file.
 */
export function sofficeConvert(soffice: string, input: string, outDir: string, to: string, inFilter?: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-lo-'));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      ...(inFilter ? [`--infilter=${inFilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      outDir,
      input,
    ];
    const r = spawnSync(soffice, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: profile } });
    const ext = to.split(':')[0]!;
    const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${ext}`);
    if (r.status !== 0 || !fs.existsSync(out)) {
      throw new Error(`soffice --convert-to ${to} failed (exit ${r.status}, ${r.error?.message ?? ''}):\n${r.stdout}\n${r.stderr}`);
    }
    return out;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
