import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from './shared/security/csp.js';

/** Writes the one CSP of shared/security/csp.ts into index.html, so file:// (Electron) is covered too. */
function injectCsp(): Plugin {
  return {
    name: 'workbench-csp',
    transformIndexHtml: (html) => html.replace('%WORKBENCH_CSP%', metaContentSecurityPolicy(CONTENT_SECURITY_POLICY)),
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build loads from file:// in Electron and from http://127.0.0.1 in browser mode.
  base: './',
  plugins: [react(), injectCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
