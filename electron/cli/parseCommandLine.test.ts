import { describe, expect, it } from 'vitest';
import { customerCreateInput, customerListInput } from '../../shared/api/customers.contract.ts';
import { parseCommandLine, UsageError } from './parseCommandLine.ts';
import { arrayElement, kindOf, objectShape } from './zodFlags.ts';

// In process, against the real contract: what the spawned CLI tests cover end to end, case by case here.
const parse = (...argv: string[]) => parseCommandLine(argv);

describe('reading the contract schemas for flags', () => {
  it('sees through optional, default, nullable and pipes to the kind of each input key', () => {
    const shape = objectShape(customerCreateInput);
    expect(shape).not.toBeNull();
    expect(kindOf(shape!['name']!)).toBe('string');
    expect(kindOf(shape!['tier']!)).toBe('string');
    expect(kindOf(shape!['tags']!)).toBe('array');
    expect(kindOf(arrayElement(shape!['tags']!)!)).toBe('string');
    expect(kindOf(shape!['customFields']!)).toBe('object');
    expect(objectShape(shape!['primaryContact']!)).toHaveProperty('phone');
    expect(kindOf(objectShape(customerListInput)!['expiringWithinDays']!)).toBe('number');
    expect(objectShape(shape!['name']!)).toBeNull();
    expect(arrayElement(shape!['name']!)).toBeNull();
  });
});

describe('parseCommandLine', () => {
  it('maps words to operations, flags to input keys, and global options anywhere', () => {
    expect(parse('customers', 'ls', '--db', 'x.db', '--tier', 'vip', '--expiring-within-days', '30', '--json')).toEqual({
      name: 'customers:list',
      input: { tier: 'vip', expiringWithinDays: 30 },
      host: {},
      db: 'x.db',
      json: true,
      limit: undefined,
    });
    expect(parse('remind', 'preview', 'HT-1')).toMatchObject({ name: 'reminders:preview', input: { contractNo: 'HT-1' } });
    expect(parse('--json', 'info')).toMatchObject({ name: 'system:info', json: true });
    expect(parse('customers', 'list', '--limit', '5')).toMatchObject({ input: { limit: 5 }, limit: 5 });
  });

  it('keeps the files the CLI reads or writes itself out of the operation input', () => {
    expect(parse('import', 'a.csv', '--map-file', 'm.json', '--dry-run')).toEqual({
      name: 'import:run',
      input: { dryRun: true },
      host: { file: 'a.csv', mapFile: 'm.json' },
      db: undefined,
      json: false,
      limit: undefined,
    });
    expect(parse('export', 'contracts', '--out', 'x.xlsx', '--headers', 'en')).toMatchObject({ input: { headers: 'en' }, host: { out: 'x.xlsx' } });
    // --out means nothing to other operations: it is an unknown flag there, never a path the backend sees.
    expect(() => parse('customers', 'list', '--out', 'x.csv')).toThrow(UsageError);
  });

  it('fills nested objects from dotted flags and lists from commas', () => {
    const cmd = parse('customers', 'add', '--name', '云启', '--primary-contact.name', '王芳', '--primary-contact.phone', '138', '--tags', 'a, b,', '--tags', 'c');
    expect(cmd.input).toEqual({ name: '云启', primaryContact: { name: '王芳', phone: '138' }, tags: ['a', 'b', 'c'] });
    expect(parse('customers', 'add', '--name', 'x', '--custom-fields', '{"区域":"华东"}').input).toMatchObject({ customFields: { 区域: '华东' } });
  });

  it('parses the backup commands: restore NAME|FILE, backup export-encrypted, export archive', () => {
    expect(parse('restore', 'renewal-desk-20261123-091500-000-manual.db')).toMatchObject({ name: 'system:restoreUpload', host: { file: 'renewal-desk-20261123-091500-000-manual.db' }, input: {} });
    expect(parse('restore', '/tmp/a.rdbackup', '--passphrase', 'correct horse')).toMatchObject({ host: { file: '/tmp/a.rdbackup' }, input: { passphrase: 'correct horse' } });
    expect(parse('restore', 'a.rdbackup', '--passphrase-file', 'p.txt')).toMatchObject({ host: { file: 'a.rdbackup', passphraseFile: 'p.txt' }, input: {} });
    expect(parse('system', 'restore', 'renewal-desk-20261123-091500-000-manual.db')).toMatchObject({ name: 'system:restore', input: { name: 'renewal-desk-20261123-091500-000-manual.db' } });
    expect(parse('backup', 'export-encrypted', '--out', 'a.rdbackup', '--passphrase', 'p')).toMatchObject({ name: 'system:exportEncrypted', host: { out: 'a.rdbackup' }, input: { passphrase: 'p' } });
    expect(parse('backup')).toMatchObject({ name: 'system:backup' });
    expect(parse('export', 'archive', '--out', 'a.xlsx', '--headers', 'en')).toMatchObject({ name: 'export:archive', host: { out: 'a.xlsx' }, input: { headers: 'en' } });
    expect(parse('export', 'complaints', '--out', 'c.xlsx')).toMatchObject({ name: 'export:complaints', host: { out: 'c.xlsx' } });
    expect(parse('export', 'calendar', '--out', 'c.ics', '--owner', '刘洋')).toMatchObject({ name: 'export:calendar', host: { out: 'c.ics' }, input: { owner: '刘洋' } });
    expect(() => parse('export', 'calendar', '--format', 'csv')).toThrow(UsageError);
    expect(() => parse('backup', 'export-encrypted', '--passphrase-fil', 'p.txt')).toThrow(UsageError);
  });

  it('reads an empty value as null, so a field that may be unknown is cleared', () => {
    expect(parse('contracts', 'update', '--id', 'k', '--version', '3', '--cycle', '').input).toEqual({ id: 'k', version: 3, cycle: null });
  });

  it('takes a bare boolean flag as true, and only true/false words as its value', () => {
    expect(parse('remind', '--dry-run').input).toEqual({ dryRun: true });
    expect(parse('remind', '--dry-run', 'false').input).toEqual({ dryRun: false });
    expect(() => parse('remind', '--dry-run=soon')).toThrow(UsageError);
  });

  it('refuses what the contract does not have, or a value of the wrong kind, as usage errors', () => {
    expect(() => parse('customers', 'fly')).toThrow('未知命令');
    expect(() => parse('customers', 'list', '--colour', 'red')).toThrow('未知参数：--colour');
    expect(() => parse('customers', 'list', '--expiring-within-days', 'soon')).toThrow('需要数字');
    expect(() => parse('customers', 'add', '--name.first', 'x')).toThrow('没有子字段');
    expect(() => parse('customers', 'add', '--custom-fields', '{oops')).toThrow('需要 JSON 对象');
    expect(() => parse('import', 'a.csv', 'b.csv')).toThrow('多余的参数');
    expect(() => parse('customers', 'list', '--limit', '0')).toThrow('--limit');
    expect(() => parse('remind', '--now', '2026-12-21T09:00:00')).toThrow('--now 需要带时区偏移');
  });
});
