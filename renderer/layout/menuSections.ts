/** The side menu's entries, by the route each opens. */
export const MENU_SECTIONS = ['/', '/customers', '/due', '/renewals', '/reports', '/retention', '/import', '/reminders', '/notifications', '/settings', '/hygiene', '/risk', '/prediction', '/key-customers', '/visits', '/complaints', '/surveys'] as const;

/**
 * The menu entry of the open page, nested routes included (/customers/:id is under 客户); none for an unknown path.
 * 首页 is `/` itself only: every path starts with a slash.
 */
export function selectedSection(pathname: string): string | null {
  if (pathname === '/' || pathname === '') return '/';
  return MENU_SECTIONS.find((s) => s !== '/' && (pathname === s || pathname.startsWith(`${s}/`))) ?? null;
}
