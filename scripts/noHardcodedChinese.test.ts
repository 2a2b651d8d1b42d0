import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { productionSources } from '../test-support/source/sourceTokens.ts';
import { CJK } from '../test-support/cjkCharacters.ts';

// Every user-facing string goes through the catalogue (shared/i18n). This reads the code the way the compiler
// does, comments left out (so a `//` inside a string is a string), and fails on a CJK character anywhere else,
// outside the few data tables listed below with their reason.

const root = path.resolve(import.meta.dirname, '..');
const ROOTS = ['renderer', 'electron/services', 'electron/cli', 'shared', 'db'];
/** The catalogue itself: the one place for words. */
const CATALOGUE = 'shared/i18n/';
const ALLOWED: Record<string, string> = {
  'electron/services/system/demoData.ts': 'demo data: the sample archive’s Chinese customers, contacts and notes',
  'shared/importExport/headerAliases.ts': 'header aliases: the column names Chinese sheets use',
  'shared/importExport/normalizeEnums.ts': 'enum aliases: the words sheets write for cycle, tier, channel and type',
  'shared/importExport/normalizeAmount.ts': 'input patterns: 人民币, 万 and 元 in amounts as typed',
  'shared/importExport/normalizeDate.ts': 'input patterns: 年, 月 and 日 in dates as typed',
  'shared/importExport/importFields.ts': 'the canonical sheet headers (exports are data: Chinese, or English with --headers en)',
  'shared/importExport/exportCells.ts': 'the canonical headers and sheet names of the exports',
  'shared/reminders/reminderTemplate.ts': 'the merge-field names and the default zh-CN templates, which are user text',
  'shared/renewals/sheetRenewalStatus.ts': 'the 续费状态 words stored as the sheet writes them, and the default zh-CN lost reasons',
  'shared/domain/typedInput.ts': 'full-width characters people type, read as their ASCII twins',
  'db/migrations/0003_reminders.ts': 'a frozen migration whose SQL comment names a Chinese column header',
  'db/migrations/0011_renewal_picture.ts': 'a frozen migration whose SQL comments name the sheet\'s 提醒日期 column and 已到期 status',
  'shared/hygiene/duplicateNameKey.ts': 'the company-name suffixes (有限公司, 科技…) dropped when looking for duplicate customers',
  'shared/importExport/paymentSheet.ts': 'the payments sheet\'s canonical headers and sheet name (exports are data, as importFields.ts)',
  'shared/messages/customerMessages.ts': 'the built-in zh-CN wording of messages to the customer, user text like the reminder templates',
  'shared/importExport/usageSheet.ts': 'the usage sheet\'s canonical headers, and 年/月 in a period as typed (exports are data, as importFields.ts)',
};


/** Text of the code's leaves (names, literals, template pieces, JSX text) that holds CJK, with its line. */
function chineseInCode(fileName: string, text: string): { line: number; text: string }[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    let children = 0;
    ts.forEachChild(node, (child) => {
      children++;
      visit(child);
    });
    if (children > 0) return;
    // A leaf's text starts after its leading trivia, so comments never reach here (JSDoc is no child either).
    const code = node.getText(source);
    if (CJK.test(code)) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: code.slice(0, 60) });
  };
  visit(source);
  return found;
}

/** The production files under a root, as paths relative to the repository (the keys of ALLOWED). */
const productionFiles = (dir: string) => productionSources(path.join(root, dir)).map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('no hard-coded Chinese', () => {
  it('finds Chinese in strings, names, templates, regexes and JSX text, never in comments', () => {
    const found = chineseInCode(
      'x.tsx',
      [
        '// 注释里可以写中文',
        '/** 文档注释也可以 */',
        "const url = 'http://example.com/中文'; // a `//` inside a string is still code",
        'const t = `共 ${n} 条`;',
        'const re = /人民币/;',
        'const { 客户名称: name } = row;',
        'const el = <div title="ok">保存</div>;',
        "/* 块注释 */ const fine = 'ASCII only';",
      ].join('\n'),
    );
    expect([...new Set(found.map((f) => f.line))]).toEqual([3, 4, 5, 6, 7]);
  });

  it('holds for every file of renderer/, electron/services, electron/cli, shared/ and db/, tests and the catalogue aside', () => {
    const files = ROOTS.flatMap(productionFiles).filter((f) => !f.startsWith(CATALOGUE));
    expect(files.length).toBeGreaterThan(250);
    const offending = files
      .filter((f) => !(f in ALLOWED))
      .flatMap((f) => chineseInCode(f, fs.readFileSync(path.join(root, f), 'utf8')).map((hit) => `${f}:${hit.line} ${hit.text}`));
    expect(offending).toEqual([]);
  });

  it('allows only files that exist and still need it, each with its reason', () => {
    const stale = Object.keys(ALLOWED).filter((f) => !fs.existsSync(path.join(root, f)) || chineseInCode(f, fs.readFileSync(path.join(root, f), 'utf8')).length === 0);
    expect(stale).toEqual([]);
    for (const reason of Object.values(ALLOWED)) expect(reason.length).toBeGreaterThan(20);
  });
});
