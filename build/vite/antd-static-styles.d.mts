import type { Plugin } from 'vite';

/** Serves `virtual:antd-styles.css`: antd's component styles extracted with the app's theme at build time. */
export declare function antdStaticStyles(): Plugin;
