/** The side menu's entries, by the route each opens. */
export const MENU_SECTIONS = ['/customers', '/due', '/renewals', '/import', '/reminders', '/notifications', '/settings'] as const;

/** The menu entry of the open page, nested routes included (/customers/:id is under 客户); none for an unknown path. */
export function selectedSection(pathname: string): string | null {
  return MENU_SECTIONS.find((s) => pathname === s || pathname.startsWith(`${s}/`)) ?? null;
}
