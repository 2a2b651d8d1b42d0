// Payloads for one operation, generated from its input schema (zod 4's z.toJSONSchema): mostly plausible values
// that reach the service (real ids and versions, dates people type, real sheets), then malformed on purpose.
import { z } from 'zod';
import type { Random } from '../import/seededRandom.ts';
import { DOMAIN_KIND, REFERENCE_KIND, type FuzzPools, type PoolKind } from './fuzzPools.ts';
import { EDGE_DATES, EDGE_INSTANTS, EDGE_NUMBERS, EDGE_TIMES, HOSTILE_STRINGS, PLAIN_DATES } from './hostileValues.ts';

/** The part of JSON Schema that z.toJSONSchema emits for our contracts. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
}

export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export interface PayloadSizes {
  hugeString: number;
  hugeArray: number;
  deepNesting: number;
}

export interface GenContext {
  rng: Random;
  pools: FuzzPools;
  paths: readonly string[];
  op: string;
  sizes: PayloadSizes;
}

// Inputs name records by the same keys as outputs do, and notifications:markRead takes a list of them as `ids`.
const KEY_KIND: Record<string, PoolKind> = { ...REFERENCE_KIND, ids: 'notification' };
const DATE_KEY = /On$|^today$|^from$|^to$|^birthday$/;
const INSTANT_KEY = /^(at|until|now)$/;

function uuidLike(rng: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
  return `${hex(8)}-${hex(4)}-7${hex(3)}-${hex(4)}-${hex(12)}`;
}

function idFor(g: GenContext, key: string): string {
  const kind = key === 'id' ? DOMAIN_KIND[g.op.split(':')[0] ?? ''] : KEY_KIND[key];
  const roll = g.rng.next();
  if (kind === 'upload' && roll < 0.35) return g.pools.latest('upload') ?? uuidLike(g.rng);
  const known = kind ? g.pools.pick(kind, g.rng) : undefined;
  if (known !== undefined && roll < 0.75) return known;
  if (roll < 0.82) return g.pools.anyId(g.rng) ?? uuidLike(g.rng);
  if (roll < 0.9) return uuidLike(g.rng);
  return g.rng.chance(0.5) ? g.rng.pick(g.paths) : g.rng.pick(HOSTILE_STRINGS);
}

function text(g: GenContext, max: number): string {
  const roll = g.rng.next();
  const s =
    roll < 0.5
      ? `${g.rng.pick(['杭州云启科技有限公司', '北京数联', 'Fuzz Co.', '上海 测试', '客户'])}${g.rng.int(0, 99999)}`
      : roll < 0.85
        ? g.rng.pick(HOSTILE_STRINGS)
        : g.rng.pick(g.paths);
  return g.rng.chance(0.9) ? s.slice(0, max) : s;
}

function sampleSheet(g: GenContext): string {
  // The first real sheet is an .xlsx: half the real ones, so the .xlsx reader runs under the fuzz as often as CSV.
  const sheet = g.pools.sheets.length > 0 ? (g.rng.chance(0.5) ? g.pools.sheets[0] : g.rng.pick(g.pools.sheets)) : undefined;
  const roll = g.rng.next();
  if (sheet !== undefined && roll < 0.45) return sheet;
  if (roll < 0.6) return Buffer.from(Array.from({ length: g.rng.int(0, 2000) }, () => g.rng.int(0, 255))).toString('base64');
  if (roll < 0.75) return Buffer.from(`客户名称,合同编号,到期日期\n${text(g, 60)},HT-${g.rng.int(0, 999)},${g.rng.pick([...PLAIN_DATES, ...EDGE_DATES])}\n`).toString('base64');
  return g.rng.pick(['', '====', '!!not base64!!', '\u0000', 'QUJD\nREVG', g.rng.pick(HOSTILE_STRINGS)]);
}

const HOLIDAY_JSON = [
  '{}',
  '[]',
  'null',
  '{"2026":{"holidays":["2026-10-01"],"workdays":["2026-09-27"]}}',
  '{"holidays":["2026-10-01","9999-12-31"],"workdays":[]}',
  '{"holidays":"2026-10-01"}',
  '{"__proto__":{"fuzzPolluted":true}}',
  'not json',
  '',
];

function stringFor(s: JsonSchema, key: string, g: GenContext): string {
  const { rng } = g;
  if (s.enum && rng.chance(0.9)) return String(rng.pick(s.enum));
  if (typeof s.const === 'string') return s.const;
  if (key === 'id' || KEY_KIND[key]) return idFor(g, key);
  // A backup to restore, however the operation names it (a path or a name from the list).
  if (g.op.startsWith('system:') && (key === 'file' || key === 'name')) {
    const backup = g.pools.pick('backupFile', rng);
    return backup !== undefined && rng.chance(0.5) ? (rng.chance(0.5) ? backup : backup.split('/').pop() ?? backup) : rng.pick(g.paths);
  }
  switch (key) {
    case 'customer':
      return rng.chance(0.5) ? (g.pools.pick('customerName', rng) ?? text(g, 200)) : idFor(g, 'customerId');
    case 'contractNo':
      return g.pools.pick('contractNumber', rng) ?? text(g, 60);
    case 'fileName':
      return rng.pick(['客户.csv', 'contracts.xlsx', 'a.txt', 'x'.repeat(300), rng.pick(g.paths), rng.pick(HOSTILE_STRINGS)]);
    case 'dataBase64':
      return sampleSheet(g);
    case 'json':
      return rng.chance(0.1) ? `${'['.repeat(g.sizes.deepNesting)}${']'.repeat(g.sizes.deepNesting)}` : rng.pick(HOLIDAY_JSON);
    case 'passphrase':
      // A good passphrase runs scrypt over the whole archive (most of a second): a quarter of them is plenty.
      return rng.chance(0.25) ? `正确的马电池订书钉${rng.int(0, 999)}` : rng.pick(['', 'short', 'x'.repeat(2000), rng.pick(HOSTILE_STRINGS)]);
    case 'timeOfDay':
      return rng.pick(EDGE_TIMES);
    case 'color':
      return rng.chance(0.6) ? `#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}` : rng.pick(['#fff', 'red', '#GGGGGG', '']);
    case 'email':
      return rng.pick(['wang@example.cn', 'a@b', '王@例子.中国', '@', text(g, 80)]);
    case 'phone':
      return rng.pick(['13800138000', '+86 (010) 1234-5678', '12', '1'.repeat(40), text(g, 40)]);
    case 'search':
      return rng.chance(0.5) ? (g.pools.pick('customerName', rng) ?? '').slice(rng.int(0, 4), rng.int(5, 12)) : text(g, 100);
    default:
  }
  if (s.format === 'date-time' || INSTANT_KEY.test(key)) return rng.chance(0.6) ? `2026-${rng.pick(['11-23', '12-01', '11-30'])}T0${rng.int(0, 9)}:00:00.000Z` : rng.pick(EDGE_INSTANTS);
  // Each new day loads a new demo archive (seconds of work); the seeded day again is the idempotent path.
  if (g.op === 'system:demo') return rng.chance(0.85) ? '2026-11-23' : rng.pick(EDGE_DATES);
  if (DATE_KEY.test(key)) return rng.chance(0.65) ? rng.pick(PLAIN_DATES) : rng.pick(EDGE_DATES);
  if (key === 'tags' || key === 'items') return g.pools.pick('tagName', rng) ?? text(g, 50);
  return text(g, s.maxLength ?? 200);
}

function numberFor(s: JsonSchema, key: string, g: GenContext, siblings: Record<string, unknown>): number {
  const { rng } = g;
  if (key === 'version') {
    const id = siblings['id'];
    const known = typeof id === 'string' ? g.pools.versions.get(id) : undefined;
    if (known !== undefined && rng.chance(0.8)) return known;
  }
  if (key === 'offset' && g.op === 'import:upload' && rng.chance(0.8)) return typeof siblings['uploadId'] === 'string' ? (g.pools.uploadSizes.get(siblings['uploadId']) ?? 0) : 0;
  if (rng.chance(0.15)) return rng.pick(EDGE_NUMBERS);
  const min = Math.max(s.minimum ?? -1000, -1e6);
  const max = Math.min(s.maximum ?? 1e6, key === 'offset' ? 300 : 1e6);
  const n = min + rng.next() * (max - min);
  return s.type === 'integer' || key === 'amountFen' ? Math.round(n) : n;
}

/** A value that follows the schema (most of the time: the plausible value may still be refused by a refinement). */
export function valueFor(s: JsonSchema, key: string, g: GenContext, siblings: Record<string, unknown> = {}, depth = 0): unknown {
  const { rng } = g;
  if (s.anyOf && s.anyOf.length > 0) {
    const nonNull = s.anyOf.filter((b) => b.type !== 'null');
    const branch = nonNull.length > 0 && rng.chance(0.85) ? rng.pick(nonNull) : rng.pick(s.anyOf);
    return valueFor(branch, key, g, siblings, depth);
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const type = types.length > 1 ? (types.includes('null') && rng.chance(0.15) ? 'null' : types.find((t) => t !== 'null')) : types[0];
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
    case 'number':
      return numberFor(s, key, g, siblings);
    case 'string':
      return stringFor(s, key, g);
    case 'array': {
      const min = s.minItems ?? 0;
      const n = rng.int(min, Math.max(min, Math.min(s.maxItems ?? 5, 5)));
      return Array.from({ length: n }, () => valueFor(s.items ?? {}, key, g, {}, depth + 1));
    }
    case 'object':
      return objectFor(s, g, depth);
    default:
      if (s.enum) return rng.pick(s.enum);
      return depth > 3 ? null : rng.pick([null, 1, 'x', true, {}]);
  }
}

function objectFor(s: JsonSchema, g: GenContext, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    // A first piece of a new upload has no uploadId: most uploads should be new files, not appended pieces. An
    // import mostly maps its columns itself and reads the first sheet: random targets and names rarely fit.
    const chance = g.op === 'import:upload' && key === 'uploadId' ? 0.3 : g.op.startsWith('import:') && ['columns', 'mapping', 'sheet'].includes(key) ? 0.15 : 0.5;
    if (required.has(key) || g.rng.chance(chance)) out[key] = valueFor(prop, key, g, out, depth + 1);
  }
  if (typeof s.additionalProperties === 'object') {
    for (let i = g.rng.int(0, 3); i > 0; i--) out[text(g, s.propertyNames?.maxLength ?? 50)] = valueFor(s.additionalProperties, '', g, out, depth + 1);
  }
  return out;
}
