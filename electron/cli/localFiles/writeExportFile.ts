import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/appError.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { msg } from '../../../shared/i18n/message.ts';

/**
 * Saves an export's bytes where the user said (`--out`), or under its suggested name in the current folder. A
 * named file is replaced (the user asked for it, as `cp` would); a suggested name never overwrites anything.
 * Written to a temporary name and renamed, so a failed write never leaves half a sheet in the target's place.
 */
export function writeExportFile(result: Pick<ExportResult, 'fileName' | 'contentBase64'>, out: string | undefined): string {
  const target = path.resolve(out ?? result.fileName);
  if (out === undefined && fs.existsSync(target)) throw new AppError('VALIDATION', msg('cliFiles.exists', { file: target }), 'out');
  const partial = `${target}.partial`;
  try {
    fs.writeFileSync(partial, Buffer.from(result.contentBase64, 'base64'));
    fs.renameSync(partial, target);
  } catch {
    fs.rmSync(partial, { force: true });
    throw new AppError('VALIDATION', msg('errors.cannotWriteFile', { file: target }), 'out');
  }
  return target;
}
