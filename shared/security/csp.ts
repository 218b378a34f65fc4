// One Content-Security-Policy for every way the renderer is served (Electron file://, browser mode HTTP).
// style-src needs 'unsafe-inline': Ant Design injects its CSS-in-JS as <style> elements at run time.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A <meta> CSP cannot carry frame-ancestors (browsers ignore it there with a warning); headers do. */
export function metaContentSecurityPolicy(policy: string): string {
  return policy
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
}
