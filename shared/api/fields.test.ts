import { describe, expect, it } from 'vitest';
import { $ZodArray, $ZodDefault, $ZodNullable, $ZodObject, $ZodOptional, $ZodPipe, $ZodPrefault, $ZodRecord, type $ZodType } from 'zod/v4/core';
import { apiContract } from './apiContract.ts';
import { messageOfIssue } from './catalogueIssue.ts';
import { customFieldsField, idField, isoDate, isoInstant, tierField } from './fields.ts';

// Every text an operation takes, found by walking the contract's input schemas, so a field added later is held
// to the same limits (or must be listed below with its reason).

interface Leaf {
  op: string;
  /** Where the value sits: keys, 0 for an array's item, 'k' for a record's value. */
  path: (string | number)[];
  schema: $ZodType;
}

/** The schema under optional, nullable, default and a pipe's input side. */
function baseSchema(schema: $ZodType): $ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof $ZodOptional || s instanceof $ZodDefault || s instanceof $ZodNullable || s instanceof $ZodPrefault) s = s._zod.def.innerType;
    else if (s instanceof $ZodPipe) s = s._zod.def.in;
    else return s;
  }
}

function stringLeaves(): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (op: string, schema: $ZodType, path: (string | number)[]) => {
    const base = baseSchema(schema);
    if (base instanceof $ZodObject) for (const [key, s] of Object.entries(base._zod.def.shape)) walk(op, s, [...path, key]);
    else if (base instanceof $ZodArray) walk(op, base._zod.def.element, [...path, 0]);
    else if (base instanceof $ZodRecord) walk(op, base._zod.def.valueType, [...path, 'k']);
    else if (base._zod.def.type === 'string') leaves.push({ op, path, schema: base });
  };
  for (const [op, c] of Object.entries(apiContract)) walk(op, c.input as $ZodType, []);
  return leaves;
}

/** An input holding `value` at the leaf's place, and the catalogue keys of the issues zod reports there. */
function keysAt(leaf: Leaf, value: string): string[] {
  const input = leaf.path.reduceRight<unknown>((inner, step) => (typeof step === 'number' ? [inner] : { [step]: inner }), value);
  const parsed = apiContract[leaf.op as keyof typeof apiContract].input.safeParse(input);
  if (parsed.success) return [];
  const at = leaf.path.join('.');
  return parsed.error.issues.filter((i) => i.path.join('.') === at).map((i) => messageOfIssue(i.message)?.key ?? `zod:${i.message}`);
}

const name = (l: Leaf) => `${l.op} ${l.path.join('.')}`;
const DATE = /(?:^|\.)(?:\w+On|on|onDate|today|from|to|birthday)$/;
const INSTANT = /(?:^|\.)(?:at|\w+At|now|until)$/;
/** Multi-line texts whose key is also used for single-line ones elsewhere (a payment's note is one line). */
const MULTI_LINE_FIELDS = new Set(['complaints:create note', 'complaints:advance note']);
const MULTI_LINE = /(?:^|\.)(?:notes|summary|comment|lostNote|instalmentNote|template|templates\.\w+|messageText)$/;
/** Texts that are not stored as one line of a record, each with its reason. */
const EXEMPT = new Set([
  'customers:list search', // a search query, never stored
  'system:restore name', // a backup's file name, held to the pattern of the names the backup list gives
  'system:restoreUpload passphrase', // a secret, never stored or shown: every character counts
  'system:exportEncrypted passphrase', // the same secret, chosen
  'mail:setSettings password', // the SMTP password, handed to the host's secret store, never to the archive: every character counts
  // Account passwords (issue 15): secrets, hashed and never stored or shown as text: every character counts.
  'accounts:createFirstAdmin password',
  'accounts:login password',
  'accounts:changePassword currentPassword',
  'accounts:changePassword newPassword',
  'accounts:create password',
  'accounts:resetPassword newPassword',
  'teamDatabase:test password', // the team database's password, handed to the server only: every character counts
  'teamDatabase:choose password', // the same, kept in the host's keychain, never in the archive
  'reminders:importHolidays json', // a whole file, read as JSON
  'reminders:setSettings timeOfDay', // checked as HH:MM
  'complaints:setSettings sla.dayStart', // checked as HH:MM
  'complaints:setSettings sla.dayEnd', // checked as HH:MM
  'tags:create color', // checked as #rrggbb
]);
// The import and export take paths, file names and file contents (their own checks, in their own slice).
const fileOperation = (l: Leaf) => l.op.startsWith('import:') || (l.op.startsWith('export:') && l.path.join('.') === 'out');

describe('every date, instant and text an operation takes', () => {
  const leaves = stringLeaves().filter((l) => !fileOperation(l));
  // Ids and tier codes are refused whole by their own pattern (validation.id / validation.tier), not by inputLimits.
  const ids = leaves.filter((l) => l.schema === baseSchema(idField) || l.schema === baseSchema(tierField));
  const dates = leaves.filter((l) => !ids.includes(l) && DATE.test(l.path.join('.')));
  const instants = leaves.filter((l) => !ids.includes(l) && INSTANT.test(l.path.join('.')));
  const texts = leaves.filter((l) => !ids.includes(l) && !dates.includes(l) && !instants.includes(l) && !EXEMPT.has(name(l)));

  it('finds the fields (the walk itself works)', () => {
    expect(dates.map(name)).toEqual(expect.arrayContaining(['contracts:create endsOn', 'system:demo today', 'customers:create primaryContact.birthday', 'export:renewals from']));
    expect(instants.map(name)).toEqual(expect.arrayContaining(['followups:create at', 'reminders:snooze until']));
    expect(texts.map(name)).toEqual(expect.arrayContaining(['customers:create tags.0', 'customers:create customFields.k', 'renewals:setLostReasons items.0']));
  });

  it('takes dates from 1900-01-01 to 2199-12-31 only, saying so on the field', () => {
    for (const leaf of dates) {
      expect(keysAt(leaf, '9999-12-31'), name(leaf)).toEqual(['inputLimits.dateRange']);
      expect(keysAt(leaf, '1899-12-31'), name(leaf)).toEqual(['inputLimits.dateRange']);
      expect(keysAt(leaf, '2199-12-31'), name(leaf)).toEqual([]);
      expect(keysAt(leaf, '1900-01-01'), name(leaf)).toEqual([]);
      expect(keysAt(leaf, '2025-02-30'), name(leaf)).toEqual(['validation.isoDate']);
    }
  });

  it('takes instants in the years 1900 to 2199 only', () => {
    for (const leaf of instants) {
      expect(keysAt(leaf, '2200-01-01T00:00:00.000Z'), name(leaf)).toEqual(['inputLimits.instantRange']);
      expect(keysAt(leaf, '1899-12-31T23:59:59Z'), name(leaf)).toEqual(['inputLimits.instantRange']);
      expect(keysAt(leaf, '2199-12-31T23:59:59+00:00'), name(leaf)).toEqual([]);
    }
  });

  it('refuses control characters in every text, and line breaks in every single-line one', () => {
    for (const leaf of texts) {
      const multiLine = MULTI_LINE.test(leaf.path.join('.')) || MULTI_LINE_FIELDS.has(name(leaf));
      for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001Bb', 'a\u007Fb', 'a\u0085b', 'a\u2028b', 'a\u2029b', 'a\rb\u000Bc']) {
        expect(keysAt(leaf, bad).filter((k) => k.startsWith('inputLimits.')), `${name(leaf)} ${JSON.stringify(bad)}`).toHaveLength(1);
      }
      const breaks = keysAt(leaf, 'line one\nline two\tend');
      if (multiLine) expect(breaks.filter((k) => k.startsWith('inputLimits.')), name(leaf)).toEqual([]);
      else expect(breaks.filter((k) => k.startsWith('inputLimits.lineBreak')), name(leaf)).toHaveLength(1);
      // Surrounding whitespace, a final line break included, is trimmed as before rather than refused.
      expect(keysAt(leaf, ' plain text\n').filter((k) => k.startsWith('inputLimits.')), name(leaf)).toEqual([]);
    }
  });
});

describe('the shared fields', () => {
  it('keep CR LF as LF in multi-line text, and tabs', () => {
    const summary = apiContract['followups:create'].input.safeParse({ customer: 'x', summary: ' one\r\ntwo\tthree\rfour ' });
    expect(summary.success && summary.data.summary).toBe('one\ntwo\tthree\nfour');
  });

  it('name the control character, and the field when it has a label', () => {
    const r = apiContract['customers:create'].input.safeParse({ name: 'Acme\u0007' });
    expect(r.success ? null : messageOfIssue(r.error.issues[0]!.message)).toEqual({
      key: 'inputLimits.controlCharacterNamed',
      params: { label: { key: 'label.customerName', params: {} }, char: 'U+0007' },
    });
  });

  it('refuse a custom field whose name holds a control character', () => {
    const r = customFieldsField.safeParse({ 'a\nb': 'x' });
    expect(r.success ? null : messageOfIssue(r.error.issues[0]!.message)).toMatchObject({ key: 'inputLimits.lineBreakNamed' });
    expect(customFieldsField.safeParse({ 合同类型: '年度框架' }).success).toBe(true);
  });

  it('check the form before the range', () => {
    expect(isoDate.safeParse('99999-01-01').error?.issues.map((i) => messageOfIssue(i.message)?.key)).toEqual(['validation.isoDate']);
    expect(isoInstant.safeParse('soon').error?.issues.map((i) => messageOfIssue(i.message)?.key)).toEqual(['validation.isoInstant']);
  });
});
