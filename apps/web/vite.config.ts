import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

import { graphqlDocuments } from './graphql-documents.ts';
import { HSTS, SECURITY_HEADERS } from './security-headers.ts';

// The browser only ever talks to its own origin: the API is reached through this proxy, so the
// session cookie stays first-party. The same settings serve `vite` (development) and `vite preview`.
const apiUrl = process.env.HUNDRED_API_URL || 'http://127.0.0.1:3000';
const host = process.env.HUNDRED_WEB_HOST || '127.0.0.1';
const port = Number(process.env.HUNDRED_WEB_PORT || 5173);

const toApi: ProxyOptions = { target: apiUrl, changeOrigin: false, xfwd: true };
const proxy: Record<string, ProxyOptions> = { '/graphql': toApi, '/health': toApi, '/exports': toApi };

/**
 * The security headers on every answer of `vite preview` (what the run command and the browser
 * tests serve), HSTS when over TLS. The development server goes without the CSP: its hot reload
 * injects inline scripts.
 */
const securityHeaders = (): Plugin => ({
  name: 'hundred-security-headers',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      if ((req.socket as { encrypted?: boolean }).encrypted) res.setHeader('Strict-Transport-Security', HSTS);
      next();
    });
  },
});

export default defineConfig({
  plugins: [graphqlDocuments(), react(), securityHeaders()],
  resolve: {
    alias: {
      '@hundred/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
      '@hundred/workflow': fileURLToPath(new URL('../../libs/workflow/src/index.ts', import.meta.url)),
    },
  },
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Every page is a chunk of its own; scripts/check-web-budget.js (run by npm test) holds each
    // route's initial JavaScript to its budget, reading the manifest.
    manifest: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The libraries the shell needs on every page, in one file rather than dozens: each
              // file is a request and is compressed on its own.
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|@apollo|graphql|rxjs|optimism|@wry|tslib|i18next|react-i18next|react-router|@mantine[\\/](hooks|notifications|store)|react-transition-group|@floating-ui|clsx|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-sidecar|use-callback-ref|get-nonce|detect-node-es|klona|fast-deep-equal|@babel[\\/]runtime)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
