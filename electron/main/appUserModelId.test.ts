import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../../test-support/electron/fakeElectron.ts';
import { APP_ID, applyAppUserModelId } from './appUserModelId.ts';

describe('applyAppUserModelId', () => {
  it('sets the installer appId as the AppUserModelID on Windows, where toasts need it', () => {
    const fake = createFakeElectron({ userData: '/nowhere' });
    applyAppUserModelId(fake.api.app, 'win32');
    expect(fake.app.appUserModelId).toBe('com.renewaldesk.app');
    expect(APP_ID).toBe('com.renewaldesk.app');
  });

  it.each(['linux', 'darwin'] as const)('leaves %s alone (the id is Windows-only)', (platform) => {
    const fake = createFakeElectron({ userData: '/nowhere' });
    applyAppUserModelId(fake.api.app, platform);
    expect(fake.app.appUserModelId).toBeNull();
  });
});
