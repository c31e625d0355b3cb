import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** Production build of the benchmark page (bench/page.html), separate from the app's. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist-bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: fileURLToPath(new URL('./page.html', import.meta.url)) },
  },
});
