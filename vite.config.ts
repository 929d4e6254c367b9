import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The web app is built into dist/web and served by the Fastify server in production; in
// development Vite serves it and forwards the API to the server on port 3000 (same origin for cookies).
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  resolve: {
    alias: [
      // Mantine's useId without its swap to a random id after the first render (mantine-use-id.ts).
      {
        find: /^\.\/use-id\/use-id\.mjs$/,
        replacement: fileURLToPath(new URL('./src/web/app/mantine-use-id.ts', import.meta.url)),
      },
    ],
  },
  // Brotli and gzip copies beside each asset, served by @fastify/static's preCompressed: no
  // compression work per request, and the smallest transfer the browser accepts.
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'] })],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    // Every browser the app supports preloads modules itself: no polyfill in the entry.
    modulePreload: { polyfill: false },
    // bench/bundle-budget.ts reads it to sum each route's JavaScript (docs/quality.md P3).
    manifest: true,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/livez': { target: apiTarget },
      '/readyz': { target: apiTarget },
    },
  },
});
