import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds one entry of bench/floor (FLOOR_ENTRY: all, react, router, mantine, apollo, i18next) as
// the application is built, into apps/web/dist-floor/<entry> (scripts/web-floor.js); `all` from
// index.html, so that `vite preview` with this configuration serves it as a page.
const entry = process.env.FLOOR_ENTRY || 'all';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL(`../../dist-floor/${entry}`, import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      input: fileURLToPath(new URL(entry === 'all' ? './index.html' : `./${entry}.tsx`, import.meta.url)),
    },
  },
});
