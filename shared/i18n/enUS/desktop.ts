import type { desktopZhCN } from '../zhCN/desktop.ts';

export const desktopEnUS: Record<keyof typeof desktopZhCN, string> = {
  'desktop.openLink.title': 'Open an external link',
  'desktop.openLink.message': 'Open {host} in your browser?',
  'desktop.openLink.detail': 'This link leaves Renewal Desk and opens in your default browser:\n{url}',
  'desktop.openLink.open': 'Open',
  'desktop.openLink.cancel': 'Cancel',
};
