import type { ThemeConfig } from 'antd';

/**
 * The app's colours. antd's defaults put secondary text (45 % black), links (#1677ff), success green and error
 * red below the 4.5:1 contrast WCAG AA asks of text on white (axe reports them as serious); these darker
 * shades keep antd's look and pass (docs/ui.md, "Contrast"). Preset tag colours are fixed in styles.css.
 */
export const EXTRACTED_THEME: ThemeConfig = {
  // Plain class names (no per-theme hash): the stylesheet extracted at build time must match the running app's
  // classes, and there is only one antd and one theme in the app.
  hashed: false,
  token: {
    colorPrimary: '#1d5fb4',
    colorLink: '#1d5fb4',
    // antd lightens on hover, below 4.5:1 on white; darker on hover keeps the text readable.
    colorPrimaryHover: '#174c90',
    colorLinkHover: '#174c90',
    colorPrimaryActive: '#123c73',
    colorLinkActive: '#123c73',
    colorInfo: '#1d5fb4',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#cf1322',
    // antd derives the light backgrounds of alerts and messages from these seeds: from the darker seeds they come
    // out grey-dark; the usual light ones are kept.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // Placeholders are text too (a select's 「请选择」 is all it shows until chosen).
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 4,
    fontFamily:
      "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

/**
 * The theme the app runs with: the same tokens, with antd's component styles taken from the stylesheet
 * extracted at build time (build/vite/antd-static-styles.ts) instead of being generated on every start.
 */
export const APP_THEME: ThemeConfig = { ...EXTRACTED_THEME, zeroRuntime: true };
