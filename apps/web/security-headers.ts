/**
 * The security headers of the web app, wherever it is served: `vite preview` (the run command
 * and the browser tests, vite.config.ts) and nginx (the Docker image, infra/nginx.conf, which a
 * test keeps equal to this list).
 *
 * The CSP allows no script but the app's own files (the build has no inline script). Styles
 * allow 'unsafe-inline': Mantine writes its theme's CSS variables into a <style> element and sets
 * CSS variables in style attributes at run time, and a static server cannot give them a nonce;
 * inline styles run no code. Nothing may frame the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Sent only on responses over TLS (browsers ignore it over plain HTTP anyway). */
export const HSTS = 'max-age=31536000; includeSubDomains';
