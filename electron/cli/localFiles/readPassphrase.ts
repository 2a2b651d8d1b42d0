import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { ParsedCommand } from '../parseCommandLine.ts';
import { readLocalFile } from './readLocalFile.ts';

const MAX_PASSPHRASE_FILE_BYTES = 4096;

/**
 * The passphrase a command was given: `--passphrase P`, or the first line of `--passphrase-file F` (read here, so it
 * stays out of the shell's history and the process list). Both at once is refused rather than guessed.
 */
export function passphraseInput(cmd: ParsedCommand): { passphrase?: string } {
  const file = cmd.host.passphraseFile;
  if (file === undefined) return {};
  if (cmd.input['passphrase'] !== undefined) throw new AppError('VALIDATION', msg('backups.cliPassphraseTwice'), 'passphraseFile');
  const text = readLocalFile(file, MAX_PASSPHRASE_FILE_BYTES, 'passphraseFile').toString('utf8');
  return { passphrase: text.split(/\r?\n/)[0] ?? '' };
}
