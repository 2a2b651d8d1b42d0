import fs from 'node:fs';
import { AppError, type Envelope } from '../../shared/api/appError.ts';
import { apiContract, type ApiName } from '../../shared/api/apiContract.ts';
import { exportResultSchema } from '../../shared/api/export.contract.ts';
import { BACKUP_NAME_RE } from '../../shared/domain/backupName.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { BackendCall } from './backendCall.ts';
import { readMappingFile } from './localFiles/readMappingFile.ts';
import { passphraseInput } from './localFiles/readPassphrase.ts';
import { withLocalUpload } from './localFiles/uploadLocalFile.ts';
import { writeExportFile } from './localFiles/writeExportFile.ts';
import type { ParsedCommand } from './parseCommandLine.ts';
import { objectShape } from './zodFlags.ts';

const PAGE = 500;

/** Lists come back whole unless --limit asked for one page: scripts should not have to page. */
async function allPages(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  const items: unknown[] = [];
  let total = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await call(cmd.name, { ...cmd.input, offset, limit: PAGE });
    if (!page.ok) return page;
    const data = page.data as { items: unknown[]; total: number };
    items.push(...data.items);
    total = data.total;
    if (data.items.length < PAGE || items.length >= total) break;
  }
  return { ok: true, data: { items, total } };
}

/** `import FILE [--map-file M]`: the CLI reads both and sends their content; the upload is discarded after. */
async function importLocalFile(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  if (cmd.host.file === undefined) throw new AppError('VALIDATION', msg('cliFiles.importNeedsFile'), 'file');
  const mapping = cmd.host.mapFile === undefined ? undefined : readMappingFile(cmd.host.mapFile);
  // The contract checks the mapping file's kind and targets; a CLI import does not change the wizard's presets.
  return withLocalUpload(call, cmd.host.file, 'file', (uploadId) =>
    call(cmd.name, { savePreset: false, ...cmd.input, uploadId, ...(mapping ? { mapping } : {}) }),
  );
}

/**
 * `export … [--out F]`: the format follows F's extension unless --format says (the whole archive is a workbook
 * whatever its --out says, and the backend refuses anything else); the bytes are written here.
 */
async function exportToLocalFile(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  // The calendar has one format, .ics, whatever --out is called.
  if (cmd.name === 'export:calendar') return saveToLocalFile(call, cmd, cmd.input);
  const fallback = cmd.name === 'export:archive' && cmd.host.out === undefined ? 'xlsx' : 'csv';
  const format = cmd.input['format'] ?? (cmd.host.out && /\.xlsx$/i.test(cmd.host.out) ? 'xlsx' : fallback);
  return saveToLocalFile(call, cmd, { ...cmd.input, format });
}

/** Calls an operation that answers with a file's bytes (an export, `import-issues`) and writes them here. */
async function saveToLocalFile(call: BackendCall, cmd: ParsedCommand, input: Record<string, unknown>): Promise<Envelope<unknown>> {
  const result = await call(cmd.name, input);
  if (!result.ok) return result;
  const exported = exportResultSchema.parse(result.data);
  const file = writeExportFile(exported, cmd.host.out);
  return { ok: true, data: { file, fileName: exported.fileName, format: exported.format, rows: exported.rows } };
}

const isExport = (name: ApiName) => name.startsWith('export:');

/** Whether `restore X` names a backup in the list: a backup's name that is listed, or that is no file here. */
async function namesListedBackup(call: BackendCall, target: string): Promise<boolean> {
  if (!BACKUP_NAME_RE.test(target)) return false;
  const list = await call('system:listBackups', {});
  const listed = list.ok && apiContract['system:listBackups'].output.parse(list.data).items.some((b) => b.name === target);
  return listed || !fs.existsSync(target);
}

/** `restore NAME|FILE [--passphrase P]`: a backup from the list by name, or a local file sent through import:upload. */
async function restoreFromLocal(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  const target = cmd.host.file;
  const input = { ...cmd.input, ...passphraseInput(cmd) };
  if (target === undefined) return call(cmd.name, input);
  if (await namesListedBackup(call, target)) return call('system:restore', { name: target });
  return withLocalUpload(call, target, 'file', (uploadId) => call('system:restoreUpload', { ...input, uploadId }));
}

/** `backup export-encrypted --passphrase P [--out F]`: the encrypted bytes are written here, like an export's. */
async function exportEncryptedToLocalFile(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  const result = await call(cmd.name, { ...cmd.input, ...passphraseInput(cmd) });
  if (!result.ok) return result;
  const exported = apiContract['system:exportEncrypted'].output.parse(result.data);
  const file = writeExportFile(exported, cmd.host.out);
  const { fileName, sizeBytes, attachments, attachmentsMissing } = exported;
  return { ok: true, data: { file, fileName, sizeBytes, attachments, attachmentsMissing } };
}

/** `contracts attachments-add --contract-id C --file F`: the file goes up as an import's does, then is attached. */
async function attachLocalFile(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  if (cmd.host.file === undefined) throw new AppError('VALIDATION', msg('cliFiles.importNeedsFile'), 'file');
  return withLocalUpload(call, cmd.host.file, 'file', (uploadId) => call(cmd.name, { ...cmd.input, uploadId }));
}

/** `contracts attachments-read --id A [--out F]`: the attachment's bytes are written here, under its name unless --out. */
async function saveAttachmentLocally(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  const result = await call(cmd.name, cmd.input);
  if (!result.ok) return result;
  const read = apiContract['contracts:attachmentsRead'].output.parse(result.data);
  const file = writeExportFile(read, cmd.host.out);
  return { ok: true, data: { file, fileName: read.fileName, sizeBytes: read.sizeBytes, sha256: read.sha256 } };
}

/** `import --kind payments FILE`: the payments sheet has its own importer (payments:import), keyed by 合同编号 and 应收日期. */
async function importPaymentsFile(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  if (cmd.host.file === undefined) throw new AppError('VALIDATION', msg('cliFiles.importNeedsFile'), 'file');
  return withLocalUpload(call, cmd.host.file, 'file', (uploadId) => call('payments:import', { uploadId }));
}

/** `import --kind usage FILE`: the usage sheet has its own importer (usage:import), keyed by 客户名称 and 期间. */
async function importUsageFile(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  if (cmd.host.file === undefined) throw new AppError('VALIDATION', msg('cliFiles.importNeedsFile'), 'file');
  return withLocalUpload(call, cmd.host.file, 'file', (uploadId) => call('usage:import', { uploadId }));
}

/**
 * Runs one parsed command through `call`. Files on the user's side are the CLI's business: the backend takes
 * uploads and gives back bytes, and never a path. A local file that cannot be read or written throws AppError.
 */
export async function runCommand(call: BackendCall, cmd: ParsedCommand): Promise<Envelope<unknown>> {
  if (cmd.name === 'import:run' && cmd.input.kind === 'payments') return importPaymentsFile(call, cmd);
  if (cmd.name === 'import:run' && cmd.input.kind === 'usage') return importUsageFile(call, cmd);
  if (cmd.name === 'import:run') return importLocalFile(call, cmd);
  if (isExport(cmd.name)) return exportToLocalFile(call, cmd);
  if (cmd.name === 'import:issues') return saveToLocalFile(call, cmd, cmd.input);
  if (cmd.name === 'system:restoreUpload') return restoreFromLocal(call, cmd);
  if (cmd.name === 'system:exportEncrypted') return exportEncryptedToLocalFile(call, cmd);
  if (cmd.name === 'contracts:attachmentsAdd') return attachLocalFile(call, cmd);
  if (cmd.name === 'contracts:attachmentsRead') return saveAttachmentLocally(call, cmd);
  const paged = cmd.limit === undefined && 'offset' in (objectShape(apiContract[cmd.name].input) ?? {});
  return paged ? allPages(call, cmd) : call(cmd.name, cmd.input);
}
