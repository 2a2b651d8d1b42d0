import { describe, expect, it } from 'vitest';
import { renderIn } from '../i18n/message.ts';
import { messageOfIssue } from './catalogueIssue.ts';
import { importContract } from './import.contract.ts';

const input = importContract['import:run'].input;
const run = (kind: string, columns: (string | null)[]) =>
  input.safeParse({ uploadId: '01900000-0000-7000-8000-000000000000', kind, columns });
// The issue carries a catalogue message; the text is what a zh-CN archive shows.
const firstIssue = (r: ReturnType<typeof run>) => {
  if (r.success) return null;
  const message = messageOfIssue(r.error.issues[0]?.message ?? '');
  return { path: r.error.issues[0]?.path, key: message?.key, message: message && renderIn('zh-CN', message) };
};

describe('import:run column targets', () => {
  it('accepts fields of the kind, custom fields and ignored columns', () => {
    const r = run('contracts', ['customerName', 'endsOn', 'custom:行业', null]);
    expect(r.success).toBe(true);
    expect(r.data?.columns).toEqual(['customerName', 'endsOn', 'custom:行业', null]);
    expect(run('followups', ['customerName', 'at', 'summary', 'owner']).success).toBe(true);
  });

  it('refuses a target that is no field, naming it and its column', () => {
    expect(firstIssue(run('contracts', ['customerName', 'industry']))).toEqual({ path: ['columns', 1], key: 'validation.unknownTarget', message: '无法识别的目标字段「industry」' });
    expect(firstIssue(run('contracts', ['custom:']))).toEqual({ path: ['columns', 0], key: 'validation.unknownTarget', message: '无法识别的目标字段「custom:」' });
    expect(run('contracts', [`custom:${'长'.repeat(51)}`]).success).toBe(false);
  });

  it("refuses a field the kind's sheet cannot hold", () => {
    expect(firstIssue(run('contracts', ['customerName', 'summary']))).toEqual({ path: ['columns', 1], key: 'validation.unknownTarget', message: '无法识别的目标字段「summary」' });
    expect(firstIssue(run('customers', ['customerName', 'endsOn']))).toEqual({ path: ['columns', 1], key: 'validation.unknownTarget', message: '无法识别的目标字段「endsOn」' });
  });
});
