import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { antdStaticStyles } from './build/vite/antd-static-styles.mjs';
import { CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from './shared/security/csp.js';

/** Writes the one CSP of shared/security/csp.ts into index.html, so file:// (Electron) is covered too. */
function injectCsp(): Plugin {
  return {
    name: 'workbench-csp',
    transformIndexHtml: (html) => html.replace('%WORKBENCH_CSP%', metaContentSecurityPolicy(CONTENT_SECURITY_POLICY)),
  };
}

/**
 * renderer/src/boot.ts as an entry of its own, its script placed before the app's: it asks the backend for the
 * first screen while the app's libraries are still loading and starting (a script in index.html would be merged
 * into the app's entry and run only after them). Build only; in development the app simply asks itself.
 */
function bootScriptFirst(): Plugin {
  return {
    name: 'workbench-boot-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (!boot) throw new Error('the boot entry is missing from the bundle');
        return html.replace('<script type="module"', `<script type="module" crossorigin src="./${boot.fileName}"></script>\n    <script type="module"`);
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build loads from file:// in Electron and from http://127.0.0.1 in browser mode.
  base: './',
  plugins: [react(), injectCsp(), antdStaticStyles(), bootScriptFirst()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { index: 'renderer/index.html', boot: 'renderer/src/boot.ts' },
    },
  },
});
