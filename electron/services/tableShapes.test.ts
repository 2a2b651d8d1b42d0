import fs from 'node:fs';
// Table shapes stay inside db/: no service names a snake_case table or column of db/schema.ts, in code or in
// a string (a row built as { owner_id: … }, a patch['custom_fields'], a table passed by name).
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { codeTokens, productionSources } from '../../test-support/source/sourceTokens.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

function snakeCaseSchemaNames(): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isPropertySignature(node) && ts.isIdentifier(node.name) && node.name.text.includes('_')) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  // schema.ts and the files beside it that hold a part of the tables (schemaRisk.ts, schemaCare.ts, …).
  for (const name of fs.readdirSync(path.join(root, 'db')).filter((f) => /^schema\w*\.ts$/.test(f))) {
    const file = path.join(root, 'db', name);
    visit(ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, false));
  }
  return names;
}

describe('services speak domain types', () => {
  const names = snakeCaseSchemaNames();

  it('reads the table and column names from db/schema.ts', () => {
    for (const known of ['owner_id', 'custom_fields', 'next_expiry_on', 'follow_ups', 'audit_log', 'deleted_at', 'referred_id']) expect(names).toContain(known);
  });

  it('finds no snake_case table or column name in electron/services', () => {
    const found: string[] = [];
    for (const file of productionSources(path.join(root, 'electron', 'services'))) {
      for (const token of codeTokens(file)) {
        const words = token.kind === 'identifier' ? [token.text] : token.text.match(/[a-z][a-z0-9]*(?:_[a-z0-9]+)+/g) ?? [];
        for (const word of words) if (names.has(word)) found.push(`${path.relative(root, file)}:${token.line} ${word}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('would see a row built in a service', () => {
    const tokens = codeTokens(path.join(root, 'test-support', 'source', 'sourceTokens.fixture.ts'));
    const words = tokens.flatMap((t) => (t.kind === 'identifier' ? [t.text] : (t.text.match(/[a-z][a-z0-9]*(?:_[a-z0-9]+)+/g) ?? [])));
    expect(words.filter((w) => names.has(w))).toEqual(['owner_id', 'next_done_at', 'follow_ups', 'custom_fields']);
  });
});
