import type { Hono } from 'hono';

/** How long a served security.txt stays valid: RFC 9116 §2.5.5 asks for less than a year. */
const VALID_DAYS = 180;

/**
 * `/.well-known/security.txt` (RFC 9116): where to report a vulnerability. `contact` is a `mailto:` or
 * `https:` address from `SECURITY_CONTACT`; Expires is set on each request so it never goes stale.
 */
export function mountSecurityTxt(app: Hono, contact: string): void {
  app.get('/.well-known/security.txt', (c) => {
    const expires = new Date(Date.now() + VALID_DAYS * 24 * 60 * 60 * 1000);
    expires.setUTCHours(0, 0, 0, 0);
    c.header('Content-Type', 'text/plain; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(
      [
        `Contact: ${contact}`,
        `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
        'Preferred-Languages: en',
        '',
      ].join('\n'),
    );
  });
}
