import type { Tag } from '../../shared/api/tags.contract.ts';
import { invoke } from './invoke.ts';

/**
 * A tags-mode Select yields existing tag ids and freshly typed names; the names become tags first
 * (or match an existing tag by name), so the customer is saved with ids only.
 */
export async function resolveTagIds(values: readonly string[] | undefined, known: readonly Tag[]): Promise<string[]> {
  const ids: string[] = [];
  for (const raw of values ?? []) {
    const byId = known.find((t) => t.id === raw);
    const name = raw.trim();
    const byName = known.find((t) => t.name === name);
    const id = byId?.id ?? byName?.id ?? (name === '' ? null : (await invoke('tags:create', { name })).id);
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
