import type { ThemeConfig } from 'antd';

/** Calm and plain: a deep government blue, neutral greys, small radii, nothing decorative. */
export const BRAND_BLUE = '#1b4b8a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorBgLayout: '#f3f5f8',
    // antd derives greyish tints from a dark blue; these keep selections visibly blue.
    colorPrimaryBg: '#e6edf7',
    colorPrimaryBgHover: '#d3e0f1',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', 'Segoe UI', sans-serif",
  },
  components: {
    Layout: { headerBg: BRAND_BLUE, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: {
      itemBorderRadius: 4,
      groupTitleColor: '#6b7280',
      groupTitleFontSize: 13,
      itemSelectedBg: '#e6edf7',
      itemSelectedColor: BRAND_BLUE,
    },
    Tree: { nodeSelectedBg: '#e6edf7', nodeHoverBg: '#f0f4fa' },
  },
};

/**
 * People who ask their system for less motion (vestibular disorders, old phones) get none: antd's
 * opening and closing animations of dialogs, menus and drawers are switched off.
 */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

export const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };
