// import_mapping_presets: column mappings the wizard saved, reused when the same headers come back.
import type { Db } from '../handle.ts';
import { rawOf } from '../handle.ts';
import type { ImportKind } from '../../shared/importExport/importFields.ts';

export interface MappingPreset {
  signature: string;
  kind: ImportKind;
  headers: string[];
  columns: Record<string, string | null>;
}

export function findMappingPreset(db: Db, signature: string): MappingPreset | undefined {
  const row = rawOf(db).prepare('SELECT signature, kind, headers, columns FROM import_mapping_presets WHERE signature = ?').get(signature) as
    | { signature: string; kind: ImportKind; headers: string; columns: string }
    | undefined;
  return row
    ? {
        signature: row.signature,
        kind: row.kind,
        headers: JSON.parse(row.headers) as string[],
        columns: JSON.parse(row.columns) as Record<string, string | null>,
      }
    : undefined;
}

/** Write it inside a transaction (withTransaction), like every raw write on the shared connection. */
export function saveMappingPreset(db: Db, preset: MappingPreset, at: string): void {
  rawOf(db)
    .prepare(
      `INSERT INTO import_mapping_presets (signature, kind, headers, columns, used_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT(signature) DO UPDATE SET kind = excluded.kind, columns = excluded.columns,
         used_count = used_count + 1, updated_at = excluded.updated_at, version = version + 1`,
    )
    .run(preset.signature, preset.kind, JSON.stringify(preset.headers), JSON.stringify(preset.columns), at, at);
}
