import type { ThemeConfig } from 'antd';
import type { Locale } from '../shared/i18n/enumLabels.ts';

// Chinese fonts first for the Chinese UI. English puts Latin fonts first: a CJK font's ’ “ ” are full-width,
// which reads as "doesn’ t" where it ends up setting English text (Linux with only Noto CJK).
const CHINESE_FIRST =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif";
const LATIN_FIRST =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

// Colours are chosen for WCAG AA text contrast (4.5:1) on white and on the page background; antd's defaults
// for secondary text (45% black), placeholders (25%), links (#1677ff), errors (#ff4d4f), warnings
// (#faad14) and the green/gold/orange tags' text fall below it.
const baseTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1668dc',
    // Hover darkens rather than lightens, so hovered text (buttons, links) keeps its contrast.
    colorPrimaryHover: '#0f57c2',
    colorLink: '#1668dc',
    colorLinkHover: '#0f57c2',
    colorInfo: '#1668dc',
    colorError: '#cf1322',
    colorWarning: '#b35c00',
    borderRadius: 8,
    colorBgLayout: '#f4f6f9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily: CHINESE_FIRST,
  },
  components: {
    Layout: { headerBg: '#0f2345', headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff' },
    Menu: { itemBorderRadius: 8, itemMarginInline: 8 },
    Card: { headerFontSize: 15 },
    // A preset tag's text is its colour's 7th shade; these three are too light on their own tint.
    Tag: { green7: '#237804', gold7: '#874d00', orange7: '#ad4e00' },
  },
};

// antd spaces a label's colon like the Chinese "：" (a gap before and a wide one after); English puts ": "
// right after the word.
const englishColons: ThemeConfig['components'] = {
  Descriptions: { colonMarginLeft: 0, colonMarginRight: 6 },
  Form: { labelColonMarginInlineStart: 0, labelColonMarginInlineEnd: 6 },
};

export function appTheme(locale: Locale): ThemeConfig {
  if (locale === 'zh-CN') return baseTheme;
  return { token: { ...baseTheme.token, fontFamily: LATIN_FIRST }, components: { ...baseTheme.components, ...englishColons } };
}
