import type { IncomingMessage, ServerResponse } from 'node:http';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';

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

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  xFrameOptions: { action: 'deny' },
};

/**
 * The headers helmet sets with these options, worked out once: they depend on the options only,
 * and building helmet's middleware for each request (as its Fastify plugin does) was a visible
 * share of a small request's time.
 */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let failed: unknown;
  helmet(options)({} as IncomingMessage, res, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return headers;
}

/**
 * The security headers of every API response (helmet's): a CSP that lets nothing load or frame
 * it, nosniff, Referrer-Policy same-origin, X-Frame-Options DENY, same-origin resource and
 * opener policies, and HSTS when the request came over TLS (directly, or through a trusted
 * proxy that said so).
 */
export async function secureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const headers = securityHeaders();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (config.nodeEnv !== 'production' && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      void reply.header('content-security-policy', GRAPHIQL_CSP);
    }
    return payload;
  });
}
