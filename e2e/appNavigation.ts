import type { Page } from '@playwright/test';

/** An entry of the main menu, by its whole Chinese or English name (续约 is not 续约预测; the icon's name may lead). */
export function menu(page: Page, name: string | RegExp) {
  const whole = typeof name === 'string' ? new RegExp(`(^| )${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : name;
  return page.getByRole('navigation', { name: /主导航|Main/ }).getByRole('menuitem', { name: whole });
}

/** The number in a link named "<label>：<n> 份，打开清单" (or the English "<label>: <n> contracts, open the list"). */
export async function countIn(page: Page, label: RegExp): Promise<{ link: ReturnType<Page['getByRole']>; n: number }> {
  const link = page.getByRole('link', { name: label });
  const name = (await link.getAttribute('aria-label')) ?? '';
  return { link, n: Number(/(\d+) (?:份|contracts?)/.exec(name)?.[1]) };
}
