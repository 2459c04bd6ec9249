import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { AppConfig } from '../config/config.js';

/** HSTS for a year, subdomains included; sent only on requests that came over TLS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The API serves JSON only: nothing may load or frame it. */
const API_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * The development page of GraphiQL (never in production) loads its script and styles from a
 * public CDN with an inline bootstrap: only that HTML page gets this policy.
 */
const GRAPHIQL_CSP =
  "default-src 'none'; script-src 'unsafe-inline' https://unpkg.com; style-src 'unsafe-inline' https://unpkg.com; " +
  "img-src data: https:; font-src data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Fastify's `trustProxy`: the proxies named by TRUST_PROXY, whose X-Forwarded-For (and -Proto)
 * are believed; none by default, so the address recorded is the socket's.
 */
export function trustProxyOption(config: AppConfig): false | string[] {
  return config.trustProxy.length > 0 ? config.trustProxy : false;
}

/**
 * The security headers of every API response (helmet): a CSP that lets nothing load or frame
 * it, nosniff, Referrer-Policy same-origin, X-Frame-Options DENY, same-origin resource and
 * opener policies, and HSTS when the request came over TLS (directly, or through a trusted
 * proxy that said so).
 */
export async function secureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (config.nodeEnv !== 'production' && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      void reply.header('content-security-policy', GRAPHIQL_CSP);
    }
    return payload;
  });
}
