// The code of a .ts file as the compiler's scanner reads it: string literals, template text and
// identifiers with their lines, comments left out. Source checks run on this rather than on regexes, so a
// `//` inside a string or a word inside a comment is read for what it is.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface CodeToken {
  kind: 'string' | 'identifier';
  text: string;
  line: number;
}

export function codeTokens(file: string): CodeToken[] {
  const text = fs.readFileSync(file, 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const tokens: CodeToken[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  // Open braces and template substitutions, innermost last: a `}` closing a substitution is rescanned as the
  // template's next piece of text, any other `}` is punctuation.
  const open: ('brace' | 'template')[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) open.push('brace');
    if (kind === ts.SyntaxKind.CloseBraceToken) {
      if (open.pop() !== 'template') continue;
      kind = scanner.reScanTemplateToken(false);
      if (kind === ts.SyntaxKind.TemplateMiddle) open.push('template');
    }
    if (kind === ts.SyntaxKind.TemplateHead) open.push('template');
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) kind = scanner.reScanSlashToken();
    const start = scanner.getTokenStart();
    if (
      kind === ts.SyntaxKind.StringLiteral ||
      kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      kind === ts.SyntaxKind.TemplateHead ||
      kind === ts.SyntaxKind.TemplateMiddle ||
      kind === ts.SyntaxKind.TemplateTail ||
      kind === ts.SyntaxKind.RegularExpressionLiteral
    ) {
      tokens.push({ kind: 'string', text: scanner.getTokenValue() || scanner.getTokenText(), line: lineOf(start) });
    } else if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier) {
      tokens.push({ kind: 'identifier', text: scanner.getTokenText(), line: lineOf(start) });
    }
  }
  return tokens;
}

/** Every .ts/.tsx file under `dir`, tests, test fixtures (`fixtures/` folders) and declaration files excluded. */
export function productionSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') out.push(...productionSources(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out.sort();
}
