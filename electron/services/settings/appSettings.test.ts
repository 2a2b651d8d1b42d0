import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeTokens, productionSources } from '../../../test-support/source/sourceTokens.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

const services = path.resolve(import.meta.dirname, '..');
const writers = (name: string) =>
  productionSources(services)
    .filter((file) => codeTokens(file).some((t) => t.kind === 'identifier' && t.text === name))
    .map((file) => path.relative(services, file));

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => t.close());

describe('settings', () => {
  it('are written in one place: only appSettings.ts calls the settings repository', () => {
    expect(writers('writeSetting')).toEqual([path.join('settings', 'appSettings.ts')]);
    expect(writers('readSetting')).toEqual([path.join('settings', 'appSettings.ts')]);
  });

  it('keep each setting under its own key, and the language reads the same wherever it is asked', async () => {
    await t.call('settings:set', { locale: 'en-US' });
    await t.call('reminders:setSettings', { keepInTray: false, timeOfDay: '08:30' });
    expect(await t.call('settings:get')).toEqual({ locale: 'en-US' });
    expect(await t.call('reminders:getSettings')).toMatchObject({ keepInTray: false, timeOfDay: '08:30' });
    // The reminder settings' write left the language alone, and the language's left the reminder settings alone.
    await t.call('settings:set', { locale: 'zh-CN' });
    expect(await t.call('reminders:getSettings')).toMatchObject({ keepInTray: false, timeOfDay: '08:30' });
    expect((await t.envelope('customers:create', { name: '' })).error.message).toMatch(/客户名称/);
  });
});
