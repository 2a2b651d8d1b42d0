// import_mapping_presets: column mappings the wizard saved, reused when the same headers come back.
import { sql } from 'kysely';
import { q, type Executor } from '../handle.ts';
import type { ImportKind } from '../../shared/importExport/importFields.ts';

export interface MappingPreset {
  signature: string;
  kind: ImportKind;
  headers: string[];
  columns: Record<string, string | null>;
}

export async function findMappingPreset(x: Executor, signature: string): Promise<MappingPreset | undefined> {
  const { rows } = await sql<{ signature: string; kind: ImportKind; headers: string; columns: string }>`
    SELECT signature, kind, headers, columns FROM import_mapping_presets WHERE signature = ${signature}`.execute(q(x));
  const row = rows[0];
  return row
    ? {
        signature: row.signature,
        kind: row.kind,
        headers: JSON.parse(row.headers) as string[],
        columns: JSON.parse(row.columns) as Record<string, string | null>,
      }
    : undefined;
}

/** Write it inside the import's transaction (pass its Tx). The SET names its table: PostgreSQL finds a bare column ambiguous. */
export async function saveMappingPreset(x: Executor, preset: MappingPreset, at: string): Promise<void> {
  await sql`INSERT INTO import_mapping_presets (signature, kind, headers, columns, used_count, created_at, updated_at)
       VALUES (${preset.signature}, ${preset.kind}, ${JSON.stringify(preset.headers)}, ${JSON.stringify(preset.columns)}, 1, ${at}, ${at})
       ON CONFLICT(signature) DO UPDATE SET kind = excluded.kind, columns = excluded.columns,
         used_count = import_mapping_presets.used_count + 1, updated_at = excluded.updated_at, version = import_mapping_presets.version + 1`.execute(q(x));
}
