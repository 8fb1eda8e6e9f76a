import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built by `npm run build` into dist/web, which `puente serve` serves beside the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Asset names carry a content hash: the server caches them for good.
    assetsDir: 'assets',
  },
  // `npm run dev:web` next to `npm start`: the API stays on its own port.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
