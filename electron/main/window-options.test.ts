import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options.js';
import { CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from '../../shared/security/csp.js';

describe('the Electron window (security checklist)', () => {
  const prefs = createWindowOptions('/app/dist/electron/preload.cjs').webPreferences!;

  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('has a strict Content-Security-Policy: own scripts only, no eval, no plugins, no framing', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
  });

  it('ships the same policy inside the built index.html (file:// has no headers)', () => {
    const html = readFileSync(new URL('../../dist/renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain(`content="${metaContentSecurityPolicy(CONTENT_SECURITY_POLICY)}"`);
  });
});
