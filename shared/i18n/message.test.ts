import { describe, expect, it } from 'vitest';
import { createTranslator } from './createTranslator.ts';
import { isMessageKey, localeOf, msg, renderIn, renderMessage } from './message.ts';

describe('messages as data', () => {
  it('renders nested messages and lists in the reader’s language', () => {
    const m = msg('importErrors.missingColumns', {
      line: 1,
      names: { list: [msg('importErrors.quoted', { text: msg('field.customerName') }), msg('importErrors.quoted', { text: msg('field.endsOn') })] },
    });
    expect(renderIn('zh-CN', m)).toBe('文件第 1 行的表头里没有「客户名称」、「到期日期」列，请检查表头或在导入向导里指定对应的列');
    expect(renderMessage(createTranslator('en-US'), m)).toBe(
      'The header on line 1 has no column for “Customer”, “Ends on”; check the header or choose the columns in the import wizard',
    );
    // A message survives JSON (the envelope, a stored notification) unchanged.
    expect(renderIn('en-US', JSON.parse(JSON.stringify(m)))).toBe(renderIn('en-US', m));
  });

  it('knows its keys and reads a stored or typed language', () => {
    expect(isMessageKey('errors.customerNameTaken')).toBe(true);
    expect(isMessageKey('errors.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(['en-US', 'en', 'en_GB.UTF-8', 'EN'].map(localeOf)).toEqual(['en-US', 'en-US', 'en-US', 'en-US']);
    expect(['zh-CN', 'zh_CN.UTF-8', 'C.UTF-8', 'english', undefined, 42].map(localeOf)).toEqual(Array(6).fill('zh-CN'));
  });
});
