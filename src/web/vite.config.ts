import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

/** The API server `npm run dev:web` proxies to (the server's default HOST and PORT). */
const devApi = 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist', 'web'),
    emptyOutDir: true,
    sourcemap: true,
    // The ECharts chunk is loaded on demand only; keep the warning for anything else that grows.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': devApi,
      '/docs': devApi,
    },
  },
});
