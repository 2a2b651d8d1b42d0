import { describe, expect, it } from 'vitest';
import { appPageMatcher } from './appPageMatcher.ts';

describe('appPageMatcher', () => {
  const isAppPage = appPageMatcher('/opt/续约管家 Renewal Desk/resources/app.asar/dist/renderer/index.html', 'linux');

  it('accepts the page however the path is encoded, with any route fragment or query', () => {
    expect(isAppPage('file:///opt/%E7%BB%AD%E7%BA%A6%E7%AE%A1%E5%AE%B6%20Renewal%20Desk/resources/app.asar/dist/renderer/index.html')).toBe(true);
    expect(isAppPage('file:///opt/续约管家 Renewal Desk/resources/app.asar/dist/renderer/index.html#/customers/1')).toBe(true);
    expect(isAppPage('file://localhost/opt/续约管家%20Renewal%20Desk/resources/app.asar/dist/renderer/index.html?x=1')).toBe(true);
  });

  it('refuses other files, other hosts and other schemes', () => {
    expect(isAppPage('file:///opt/续约管家 Renewal Desk/resources/app.asar/dist/renderer/other.html')).toBe(false);
    expect(isAppPage('file:///opt/续约管家 Renewal Desk/resources/app.asar/dist/renderer/../renderer2/index.html')).toBe(false);
    expect(isAppPage('file://evil.example/opt/续约管家 Renewal Desk/resources/app.asar/dist/renderer/index.html')).toBe(false);
    expect(isAppPage('https://evil.example/opt/续约管家 Renewal Desk/resources/app.asar/dist/renderer/index.html')).toBe(false);
    expect(isAppPage('not a url')).toBe(false);
  });

  it('compares case-insensitively where the file system is', () => {
    const onMac = appPageMatcher('/Applications/Renewal Desk.app/Contents/Resources/app.asar/dist/renderer/index.html', 'darwin');
    expect(onMac('file:///applications/renewal%20desk.app/contents/resources/app.asar/dist/renderer/index.html')).toBe(true);
    const onLinux = appPageMatcher('/opt/app/index.html', 'linux');
    expect(onLinux('file:///opt/APP/index.html')).toBe(false);
  });
});
