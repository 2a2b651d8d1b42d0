import type { ThemeConfig } from 'antd';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1668dc',
    borderRadius: 8,
    colorBgLayout: '#f4f6f9',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0f2345', headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff' },
    Menu: { itemBorderRadius: 8, itemMarginInline: 8 },
    Card: { headerFontSize: 15 },
  },
};
