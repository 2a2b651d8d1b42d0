// One payload for an operation: plausible (from its schema) four times in ten, otherwise broken on purpose:
// wrong types, missing and extra fields, prototype keys, huge strings and arrays, hostile text, edge numbers,
// paths in every string, deep nesting, or no object at all.
import { EDGE_NUMBERS, HOSTILE_STRINGS, POLLUTION_MARK, PROTO_KEYS, withOwnKey } from './hostileValues.ts';
import { valueFor, type GenContext, type JsonSchema } from './schemaPayloads.ts';

/** The largest body the web host reads, in characters of a JSON string (about 20 MB). */
const TRANSPORT_CHARS = 20 * 1024 * 1024;

export const PAYLOAD_KINDS = [
  'plausible',
  'wrongType',
  'dropRequired',
  'extraKey',
  'protoKey',
  'hugeString',
  'hugeArray',
  'hostileStrings',
  'edgeNumbers',
  'nonObject',
  'allPaths',
  'deepNesting',
] as const;
export type PayloadKind = (typeof PAYLOAD_KINDS)[number];

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every field and element down to `depth`, so a mutation can land in a nested object too. */
function slots(value: unknown, depth = 3, out: Slot[] = []): Slot[] {
  if (depth === 0 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ parent: value, key: i });
      slots(v, depth - 1, out);
    });
  } else {
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value as Record<string, unknown>, key: k });
      slots(v, depth - 1, out);
    }
  }
  return out;
}

const set = (s: Slot, v: unknown) => {
  if (Array.isArray(s.parent)) s.parent[Number(s.key)] = v;
  else s.parent[String(s.key)] = v;
};
const get = (s: Slot): unknown => (Array.isArray(s.parent) ? s.parent[Number(s.key)] : s.parent[String(s.key)]);

function wrongTypeOf(value: unknown, g: GenContext): unknown {
  const options: unknown[] = [123, -0, true, null, [], {}, 'text', [1, 'a'], NaN, { value }];
  return g.rng.pick(options.filter((o) => typeof o !== typeof value || Array.isArray(o) !== Array.isArray(value)));
}

function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

function mutate(kind: PayloadKind, base: Record<string, unknown>, schema: JsonSchema, g: GenContext): unknown {
  const { rng, sizes } = g;
  const all = slots(base);
  const strings = all.filter((s) => typeof get(s) === 'string');
  const numbers = all.filter((s) => typeof get(s) === 'number');
  const anySlot = (): Slot => (all.length > 0 ? rng.pick(all) : { parent: base, key: 'fuzzField' });
  switch (kind) {
    case 'plausible':
      return base;
    case 'wrongType': {
      const s = anySlot();
      set(s, wrongTypeOf(get(s), g));
      return base;
    }
    case 'dropRequired': {
      const required = schema.required ?? Object.keys(base);
      if (required.length > 0) delete base[rng.pick(required)];
      return base;
    }
    case 'extraKey':
      base[rng.pick(['fuzzExtra', 'id', 'deletedAt', 'version', 'createdAt', rng.pick(HOSTILE_STRINGS)])] = rng.pick([1, 'x', null, { deep: true }, []]);
      return base;
    case 'protoKey': {
      // The two keys a naive merge follows up to Object.prototype come more often than the other names.
      const key = rng.chance(0.6) ? rng.pick(['__proto__', 'constructor']) : rng.pick(PROTO_KEYS);
      const value = key === 'constructor' ? { prototype: { [POLLUTION_MARK]: true } } : { [POLLUTION_MARK]: true };
      const objects = all.filter((s) => { const v = get(s); return v !== null && typeof v === 'object' && !Array.isArray(v); });
      if (objects.length > 0 && rng.chance(0.4)) {
        const s = rng.pick(objects);
        set(s, withOwnKey(get(s) as object, key, value));
        return base;
      }
      return withOwnKey(base, key, value);
    }
    case 'hugeString': {
      const s = strings.length > 0 ? rng.pick(strings) : anySlot();
      set(s, rng.pick(['x', '客', '\u0000', '😀', '../']).repeat(sizes.hugeString));
      return base;
    }
    case 'hugeArray': {
      const s = anySlot();
      const v = get(s);
      const fill = Array.isArray(v) ? (v[0] ?? 'x') : v;
      // Held to what a transport carries (the web host refuses bodies over 20 MB): 50,000 copies of a pooled 34 KB
      // sheet made a 1.7 GB payload that only the worker's structured clone saw, for 15 s of the CI run.
      const count = typeof fill === 'string' ? Math.min(sizes.hugeArray, Math.max(10, Math.floor(TRANSPORT_CHARS / Math.max(1, fill.length)))) : sizes.hugeArray;
      set(s, new Array<unknown>(count).fill(fill));
      return base;
    }
    case 'hostileStrings':
      for (const s of strings) if (rng.chance(0.7)) set(s, rng.pick(HOSTILE_STRINGS));
      if (strings.length === 0) base[rng.pick(Object.keys(schema.properties ?? { name: {} }))] = rng.pick(HOSTILE_STRINGS);
      return base;
    case 'edgeNumbers':
      for (const s of numbers) set(s, rng.pick(EDGE_NUMBERS));
      if (numbers.length === 0) set(anySlot(), rng.pick(EDGE_NUMBERS));
      return base;
    case 'nonObject':
      return rng.pick([null, undefined, 0, -1, '', 'customers', true, [], [base], 'x'.repeat(1000), NaN]);
    case 'allPaths':
      for (const s of strings) set(s, rng.pick(g.paths));
      for (const key of Object.keys(schema.properties ?? {})) if (base[key] === undefined && rng.chance(0.5)) base[key] = rng.pick(g.paths);
      return base;
    case 'deepNesting':
      set(anySlot(), nested(sizes.deepNesting));
      return base;
  }
}

export function payloadFor(schema: JsonSchema, g: GenContext): { kind: PayloadKind; payload: unknown } {
  const kind: PayloadKind = g.rng.chance(0.4) ? 'plausible' : g.rng.pick(PAYLOAD_KINDS.slice(1));
  const generated = valueFor(schema, '', g);
  const base = generated !== null && typeof generated === 'object' && !Array.isArray(generated) ? (generated as Record<string, unknown>) : {};
  return { kind, payload: mutate(kind, base, schema, g) };
}
