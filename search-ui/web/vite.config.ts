import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The page is built into search-ui/dist, which `minutes serve` serves beside its API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: fileURLToPath(new URL('../dist', import.meta.url)), emptyOutDir: true, sourcemap: false },
  logLevel: 'warn',
});
