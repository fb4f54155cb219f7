import type { MiddlewareHandler } from 'hono';

/** No inline script or style anywhere: the app is built so that this policy needs no exceptions. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every response carries. HSTS only when the request reached us over TLS: directly, or as the
 * first hop of a trusted proxy chain says (`X-Forwarded-Proto: https, http` when a CDN spoke http onwards).
 */
export function securityHeaders(options: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const forwardedProto = options.trustProxy
      ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
      : undefined;
    const secure = new URL(c.req.url).protocol === 'https:' || forwardedProto === 'https';
    headers.set(
      'Content-Security-Policy',
      secure ? `${CONTENT_SECURITY_POLICY}; upgrade-insecure-requests` : CONTENT_SECURITY_POLICY,
    );
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self), interest-cohort=()');
    if (secure) headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  };
}
