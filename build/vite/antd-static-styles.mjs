// antd writes its component styles at run time (CSS-in-JS): on the first screen that was most of the main
// thread's work (serialising style objects, hashing, inserting rules) before anything showed. The styles only
// depend on the theme, which is fixed at build time, so they are extracted once here, with the app's own
// theme, into a stylesheet; the app runs antd with `zeroRuntime` (docs/ui.md, "Styles").
//
// JavaScript rather than TypeScript: type-checking this file would bring React's types into the Node program
// (tsconfig.node.json), whose e2e page callbacks rely on the DOM names being untyped there. Types: .d.mts beside.
import { createElement } from 'react';
import { ConfigProvider } from 'antd';
import { extractStyle } from '@ant-design/static-style-extract';
// Vite bundles its config with the files it imports, so the app's theme (TypeScript) is read directly.
import { EXTRACTED_THEME } from '../../renderer/src/theme.ts';

const MODULE_ID = 'virtual:antd-styles.css';

/**
 * Components the app never shows, and that no component it shows renders inside itself (a Table's pagination,
 * checkboxes and filter drop-down; a Select's empty state; a Card's skeleton stay in): their styles are a third of
 * the sheet, parsed and matched on every start. Using one of these later means taking it off this list.
 */
const NEVER_SHOWN = [
  'Affix', 'Anchor', 'AutoComplete', 'Avatar', 'BackTop', 'BorderBeam', 'Breadcrumb', 'Calendar', 'Carousel', 'Cascader',
  'Collapse', 'ColorPicker', 'FloatButton', 'Image', 'Listy', 'Masonry', 'Mentions', 'QRCode', 'Rate', 'Slider', 'Splitter',
  'Statistic', 'Switch', 'Tour', 'Transfer', 'Tree', 'TreeSelect', 'Watermark',
];
// A resolved id ending in .css is handled by Vite as a stylesheet (bundled, hashed, linked from index.html).
const RESOLVED_ID = '\0antd-styles.css';

/** @returns {import('vite').Plugin} */
export function antdStaticStyles() {
  /** @type {string | null} */
  let css = null;
  return {
    name: 'workbench-antd-static-styles',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      css ??= extractStyle({
        customTheme: (node) => createElement(ConfigProvider, { theme: EXTRACTED_THEME }, node),
        excludes: NEVER_SHOWN,
      });
      return css;
    },
  };
}
