import { describe, expect, it } from 'vitest';
import { needsInsecureConsent } from './server-url.js';
import { openTestWorkbench } from '../../tests/support/workbench-fixture.js';

describe('plain http:// to another machine needs the user’s consent', () => {
  it('loopback http and any https pass; http elsewhere does not', () => {
    for (const ok of ['http://127.0.0.1:8787', 'http://localhost:8787/', 'http://[::1]:8787', 'https://sync.example.cn', 'https://10.0.0.5']) expect(needsInsecureConsent(ok)).toBe(false);
    for (const bad of ['http://sync.example.cn', 'http://192.168.1.10:8787', 'http://0.0.0.0:8787', 'http://127.example.cn']) expect(needsInsecureConsent(bad)).toBe(true);
  });

  it('the app refuses it with needs-confirmation before sending anything (the password never leaves)', async () => {
    const t = openTestWorkbench();
    try {
      const err = await t.failure('sync.login', { serverUrl: 'http://192.0.2.1:9', login: 'zhang', password: 'secret-pw' });
      expect(err).toMatchObject({ kind: 'needs-confirmation', field: 'serverUrl' });
      expect(err.message).toContain('明文 http://');
      // Confirmed: it goes on to connect (and fails as offline: nothing listens at that documentation address).
      const tried = await t.failure('sync.login', { serverUrl: 'http://192.0.2.1:9', login: 'zhang', password: 'secret-pw', allowInsecure: true });
      expect(tried.kind).not.toBe('needs-confirmation');
    } finally {
      t.cleanup();
    }
  }, 60_000);
});
