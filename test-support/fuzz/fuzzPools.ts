// What the fuzz has learned about the archive: ids, versions, names and files of real records, gathered from
// every successful answer, so payloads hit real rows (and stale versions, deleted ids, ids of another kind).
import type { Random } from '../import/seededRandom.ts';

export type PoolKind =
  | 'customer'
  | 'contact'
  | 'contract'
  | 'followup'
  | 'owner'
  | 'tag'
  | 'reminder'
  | 'notification'
  | 'batch'
  | 'upload'
  | 'undoToken'
  | 'backupFile'
  | 'customerName'
  | 'contractNumber'
  | 'tagName';

const MAX_PER_POOL = 300;

/** The kind of record an operation's `id` and list `items` are, by domain. */
export const DOMAIN_KIND: Record<string, PoolKind> = {
  customers: 'customer',
  contacts: 'contact',
  contracts: 'contract',
  followups: 'followup',
  owners: 'owner',
  tags: 'tag',
  notifications: 'notification',
};

/** Keys of nested collections and the kind of record they hold. */
const CHILD_KIND: Record<string, PoolKind> = {
  contacts: 'contact',
  primaryContact: 'contact',
  contracts: 'contract',
  followUps: 'followup',
  followups: 'followup',
  owner: 'owner',
  owners: 'owner',
  tags: 'tag',
  customer: 'customer',
  contract: 'contract',
};

/** Fields that name a record of a known kind wherever they appear. */
export const REFERENCE_KIND: Record<string, PoolKind> = {
  customerId: 'customer',
  contractId: 'contract',
  renewalOf: 'contract',
  ownerId: 'owner',
  tagId: 'tag',
  reminderId: 'reminder',
  batchId: 'batch',
  uploadId: 'upload',
  undoToken: 'undoToken',
};

export class FuzzPools {
  private readonly pools = new Map<PoolKind, string[]>();
  readonly versions = new Map<string, number>();
  readonly uploadSizes = new Map<string, number>();
  /** Real sheets (base64), for uploads that the readers can actually parse. */
  readonly sheets: string[] = [];

  add(kind: PoolKind, value: string): void {
    let pool = this.pools.get(kind);
    if (!pool) this.pools.set(kind, (pool = []));
    if (pool.includes(value)) return;
    pool.push(value);
    if (pool.length > MAX_PER_POOL) pool.shift();
  }

  pick(kind: PoolKind, rng: Random): string | undefined {
    const pool = this.pools.get(kind);
    return pool && pool.length > 0 ? rng.pick(pool) : undefined;
  }

  /** Any id of any kind: handing a contact's id where a contract's is expected is a good question too. */
  anyId(rng: Random): string | undefined {
    const kinds = [...this.pools.keys()].filter((k) => DOMAIN_KIND[k] !== undefined || REFERENCE_KIND[k] !== undefined || k === 'customer');
    const kind = kinds.length > 0 ? rng.pick(kinds) : undefined;
    return kind ? this.pick(kind, rng) : undefined;
  }

  /** The one added last: an upload just made is the one a wizard previews and imports next. */
  latest(kind: PoolKind): string | undefined {
    return this.pools.get(kind)?.at(-1);
  }

  size(kind: PoolKind): number {
    return this.pools.get(kind)?.length ?? 0;
  }

  /** Learns from an operation's successful answer. */
  harvest(op: string, data: unknown): void {
    const domain = op.split(':')[0] ?? '';
    this.walk(data, DOMAIN_KIND[domain], op.startsWith('system:') || op.startsWith('settings:'), 0);
  }

  private walk(value: unknown, kind: PoolKind | undefined, inSystem: boolean, depth: number): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 200)) this.walk(item, kind, inSystem, depth + 1);
      return;
    }
    const o = value as Record<string, unknown>;
    if (kind && typeof o['id'] === 'string') {
      this.add(kind, o['id']);
      if (typeof o['version'] === 'number') this.versions.set(o['id'], o['version']);
      if (kind === 'customer' && typeof o['name'] === 'string') this.add('customerName', o['name']);
      if (kind === 'tag' && typeof o['name'] === 'string') this.add('tagName', o['name']);
    }
    if (typeof o['number'] === 'string' && (kind === 'contract' || typeof o['endsOn'] === 'string')) this.add('contractNumber', o['number']);
    if (typeof o['uploadId'] === 'string' && typeof o['receivedBytes'] === 'number') this.uploadSizes.set(o['uploadId'], o['receivedBytes']);
    // A backup as the list names it: by path today, by name in the list once restore takes names.
    if (inSystem && typeof o['file'] === 'string') this.add('backupFile', o['file']);
    if (inSystem && typeof o['name'] === 'string' && typeof o['sizeBytes'] === 'number') this.add('backupFile', o['name']);
    for (const key of ['restoredFrom', 'safetyBackup']) if (inSystem && typeof o[key] === 'string') this.add('backupFile', o[key]);
    for (const [key, v] of Object.entries(o)) {
      const ref = REFERENCE_KIND[key];
      if (ref && typeof v === 'string') this.add(ref, v);
      if (key === 'items') this.walk(v, kind, inSystem, depth + 1);
      else if (CHILD_KIND[key]) this.walk(v, CHILD_KIND[key], inSystem, depth + 1);
      else if (typeof v === 'object') this.walk(v, undefined, inSystem, depth + 1);
    }
  }
}
