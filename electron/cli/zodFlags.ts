// zod's core classes by name: the `core` namespace object would bring every one of zod's locales into the bundle.
import { $ZodArray, $ZodDefault, $ZodNullable, $ZodObject, $ZodOptional, $ZodPipe, $ZodPrefault, type $ZodType } from 'zod/v4/core';

// Reads a zod input schema so that CLI flags can be the kebab-case keys of the handler's input. Works on zod's
// core types (what unwrap() and a pipe's `in` return), told apart with instanceof as zod documents for tools.
export type FlagSchema = $ZodType;

export type FlagKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'other';

export function baseSchema(schema: FlagSchema): FlagSchema {
  let s = schema;
  for (;;) {
    if (s instanceof $ZodOptional || s instanceof $ZodDefault || s instanceof $ZodNullable || s instanceof $ZodPrefault) {
      s = s._zod.def.innerType;
    } else if (s instanceof $ZodPipe) {
      s = s._zod.def.in;
    } else {
      return s;
    }
  }
}

export function kindOf(schema: FlagSchema): FlagKind {
  const t = baseSchema(schema)._zod.def.type;
  if (t === 'string' || t === 'enum' || t === 'literal') return 'string';
  if (t === 'number' || t === 'int') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'array') return 'array';
  if (t === 'object' || t === 'record') return 'object';
  return 'other';
}

export function objectShape(schema: FlagSchema): Readonly<Record<string, FlagSchema>> | null {
  const base = baseSchema(schema);
  return base instanceof $ZodObject ? base._zod.def.shape : null;
}

export function arrayElement(schema: FlagSchema): FlagSchema | null {
  const base = baseSchema(schema);
  return base instanceof $ZodArray ? base._zod.def.element : null;
}

export const kebabToCamel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const camelToKebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
