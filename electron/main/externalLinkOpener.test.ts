import { beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/i18n/enumLabels.ts';
import type { Logger } from '../services/logger.ts';
import { createFakeElectron, type FakeElectron } from '../../test-support/electron/fakeElectron.ts';
import { externalLinkOpener } from './externalLinkOpener.ts';

const OPEN = 1;
let fake: FakeElectron;
let warnings: unknown[][];

function opener(archiveLocale: () => Promise<Locale | null> = () => Promise.resolve('zh-CN')) {
  const logger: Logger = { info() {}, warn: (...args) => warnings.push(args), error: (...args) => warnings.push(args) };
  return externalLinkOpener({ openExternal: fake.api.shell.openExternal, showMessageBox: fake.api.dialog.showMessageBox, archiveLocale, logger });
}

beforeEach(() => {
  fake = createFakeElectron({ userData: '/nowhere' });
  warnings = [];
});

describe('externalLinkOpener', () => {
  it('asks first, naming the host, with Cancel as the default, and opens only after Open', async () => {
    fake.answerNextMessageBox(OPEN);
    await opener()('https://www.example.com/path?q=1');
    expect(fake.messageBoxes).toHaveLength(1);
    const box = fake.messageBoxes[0]!;
    expect(box.message).toBe('要在浏览器中打开 www.example.com 吗？');
    expect(box.detail).toContain('https://www.example.com/path?q=1');
    expect(box.buttons).toEqual(['取消', '打开']);
    expect(box.defaultId).toBe(0);
    expect(box.cancelId).toBe(0);
    expect(fake.openedExternally).toEqual(['https://www.example.com/path?q=1']);
  });

  it('opens plain http too, once confirmed', async () => {
    fake.answerNextMessageBox(OPEN);
    await opener()('http://intranet.example/');
    expect(fake.openedExternally).toEqual(['http://intranet.example/']);
  });

  it('opens nothing when the box is dismissed or cancelled', async () => {
    await opener()('https://www.example.com/');
    fake.answerNextMessageBox(0);
    await opener()('https://www.example.com/');
    expect(fake.messageBoxes).toHaveLength(2);
    expect(fake.openedExternally).toEqual([]);
  });

  it('names the host a link really goes to, not what its start suggests', async () => {
    await opener()('https://bank.example@evil.example/login');
    await opener()('https://例子.测试/');
    expect(fake.messageBoxes.map((b) => b.message)).toEqual([
      '要在浏览器中打开 evil.example 吗？',
      '要在浏览器中打开 xn--fsqu00a.xn--0zwm56d 吗？',
    ]);
  });

  it("words the box in the archive's language", async () => {
    await opener(() => Promise.resolve('en-US'))('https://www.example.com/');
    expect(fake.messageBoxes[0]).toMatchObject({ message: 'Open www.example.com in your browser?', buttons: ['Cancel', 'Open'], title: 'Open an external link' });
  });

  it('speaks Chinese and English when the language cannot be read', async () => {
    await opener(() => Promise.resolve(null))('https://www.example.com/');
    await opener(() => Promise.reject(new Error('database closed')))('https://www.example.com/');
    for (const box of fake.messageBoxes) {
      expect(box.message).toBe('要在浏览器中打开 www.example.com 吗？\nOpen www.example.com in your browser?');
      expect(box.buttons).toEqual(['取消 Cancel', '打开 Open']);
    }
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'mailto:someone@example.com',
    'smb://server/share',
    'ms-settings:privacy',
    'not a url',
    'https:',
  ])('refuses %s without asking, and logs it', async (url) => {
    fake.answerNextMessageBox(OPEN);
    await opener()(url);
    expect(fake.messageBoxes).toEqual([]);
    expect(fake.openedExternally).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
