// What the desktop shell itself says outside the page: the box that asks before a link leaves the app.
export const desktopZhCN = {
  'desktop.openLink.title': '打开外部链接',
  'desktop.openLink.message': '要在浏览器中打开 {host} 吗？',
  'desktop.openLink.detail': '这个链接会离开续约管家，在系统默认浏览器中打开：\n{url}',
  'desktop.openLink.open': '打开',
  'desktop.openLink.cancel': '取消',
} as const;
