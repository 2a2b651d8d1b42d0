import type { z } from 'zod';

// Reads a zod input schema so that CLI flags can be the kebab-case keys of the handler's input.
type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export type FlagKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'other';

export function baseSchema(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

export function kindOf(schema: z.ZodType): FlagKind {
  const t = defOf(baseSchema(schema)).type;
  if (t === 'string' || t === 'enum' || t === 'literal') return 'string';
  if (t === 'number' || t === 'int') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'array') return 'array';
  if (t === 'object' || t === 'record') return 'object';
  return 'other';
}

export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const d = defOf(baseSchema(schema));
  return d.type === 'object' && d.shape ? d.shape : null;
}

export function arrayElement(schema: z.ZodType): z.ZodType | null {
  const d = defOf(baseSchema(schema));
  return d.type === 'array' && d.element ? d.element : null;
}

export const kebabToCamel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const camelToKebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
