// Column mappings: presets the wizard saves (reused when the same headers come back) and mapping files the CLI
// reads with --map-file and sends as content. Both are { columns: { "<header>": "<field>" | "custom:<name>" | null } }.
import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../../../db/handle.ts';
import { findMappingPreset, saveMappingPreset } from '../../../../db/import/index.ts';
import { normalizeHeader, overridesByHeader, type ColumnOverride, type HeaderMapping } from '../../../../shared/importExport/headerAliases.ts';
import { isColumnTarget } from '../../../../shared/importExport/columnTargets.ts';
import type { ColumnTarget, ImportKind } from '../../../../shared/importExport/importFields.ts';

export function headerSignature(headers: readonly string[]): string {
  return createHash('sha1').update(JSON.stringify(headers.map(normalizeHeader))).digest('hex');
}

export async function presetFor(db: Db, headers: readonly string[]): Promise<{ kind: ImportKind; override: ColumnOverride } | null> {
  const preset = await findMappingPreset(db, headerSignature(headers));
  if (!preset) return null;
  const columns = new Map<string, ColumnTarget>();
  for (const [k, v] of Object.entries(preset.columns)) if (isColumnTarget(v)) columns.set(k, v);
  return { kind: preset.kind, override: overridesByHeader(columns) };
}

/** Call inside the import's transaction. */
export async function rememberMapping(tx: Tx, kind: ImportKind, headers: string[], mapping: HeaderMapping, at: string): Promise<void> {
  const columns: Record<string, ColumnTarget> = {};
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key !== '' && !(key in columns)) columns[key] = mapping.columns[i] ?? null;
  });
  await saveMappingPreset(tx, { signature: headerSignature(headers), kind, headers, columns }, at);
}

/** A mapping file's columns ({ "表头": target }), already checked by the contract, as an override by header. */
export function mappingOverride(columns: Readonly<Record<string, ColumnTarget>>): ColumnOverride {
  const byHeader = new Map<string, ColumnTarget>();
  for (const [header, target] of Object.entries(columns)) byHeader.set(normalizeHeader(header), target);
  return overridesByHeader(byHeader);
}
