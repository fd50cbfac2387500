// The web app: Vue 3 + Vant 4, built into dist/web, which the gateway serves at `/`.
// Vant's components and their styles are imported on demand (the resolver), so the
// first page loads only what it renders.
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { VantResolver } from '@vant/auto-import-resolver';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';
import { apiProxy } from './vite.proxy';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [vue(), Components({ resolvers: [VantResolver()], dts: false })],
  resolve: { alias: { '@': here('./src') } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Lets the bench and reviewers see what each page costs.
    reportCompressedSize: true,
    // The report's charts (ECharts, ~560 kB raw) are one chunk that only the report pages load.
    chunkSizeWarningLimit: 600,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // `npm run dev:web`: the API of a running suite (npm start) behind the dev server.
    proxy: apiProxy(),
  },
});
