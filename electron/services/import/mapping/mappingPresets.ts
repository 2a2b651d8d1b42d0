// Column mappings: presets the wizard saves (reused when the same headers come back) and preset files the
// CLI reads with --map-file. Both are { columns: { "<header>": "<field>" | "custom:<name>" | null } }.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../../../../db/handle.ts';
import { findMappingPreset, saveMappingPreset } from '../../../../db/import/index.ts';
import { AppError } from '../../../../shared/api/appError.ts';
import { msg } from '../../../../shared/i18n/message.ts';
import { normalizeHeader, overridesByHeader, type ColumnOverride, type HeaderMapping } from '../../../../shared/importExport/headerAliases.ts';
import { isColumnTarget } from '../../../../shared/importExport/columnTargets.ts';
import { IMPORT_KINDS, type ColumnTarget, type ImportKind } from '../../../../shared/importExport/importFields.ts';

export function headerSignature(headers: readonly string[]): string {
  return createHash('sha1').update(JSON.stringify(headers.map(normalizeHeader))).digest('hex');
}

export function presetFor(db: Db, headers: readonly string[]): { kind: ImportKind; override: ColumnOverride } | null {
  const preset = findMappingPreset(db, headerSignature(headers));
  if (!preset) return null;
  const columns = new Map<string, ColumnTarget>();
  for (const [k, v] of Object.entries(preset.columns)) if (isColumnTarget(v)) columns.set(k, v);
  return { kind: preset.kind, override: overridesByHeader(columns) };
}

/** Call inside the import's transaction. */
export function rememberMapping(db: Db, kind: ImportKind, headers: string[], mapping: HeaderMapping, at: string): void {
  const columns: Record<string, ColumnTarget> = {};
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key !== '' && !(key in columns)) columns[key] = mapping.columns[i] ?? null;
  });
  saveMappingPreset(db, { signature: headerSignature(headers), kind, headers, columns }, at);
}

const KINDS = new Set<string>(IMPORT_KINDS);
const isImportKind = (v: unknown): v is ImportKind => typeof v === 'string' && KINDS.has(v);

export function readMapFile(file: string): { kind: ImportKind | undefined; override: ColumnOverride } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('VALIDATION', msg('importErrors.mapFileUnreadable', { file, detail: e instanceof Error ? e.message : String(e) }), 'mapFile');
  }
  if (typeof parsed !== 'object' || parsed === null || !('columns' in parsed) || typeof parsed.columns !== 'object' || parsed.columns === null) {
    throw new AppError('VALIDATION', msg('importErrors.mapFileShape'), 'mapFile');
  }
  const kind = 'kind' in parsed ? parsed.kind : undefined;
  if (kind !== undefined && !isImportKind(kind)) {
    throw new AppError('VALIDATION', msg('importErrors.mapFileKind', { kinds: { list: IMPORT_KINDS } }), 'mapFile');
  }
  const columns = new Map<string, ColumnTarget>();
  for (const [header, target] of Object.entries(parsed.columns)) {
    if (!isColumnTarget(target)) throw new AppError('VALIDATION', msg('importErrors.mapFileTarget', { header, target: String(target) }), 'mapFile');
    columns.set(normalizeHeader(header), target);
  }
  return { kind, override: overridesByHeader(columns) };
}
