import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** In dev, serve the console page for /console/* the way the server does in production. */
const consoleFallback = (): Plugin => ({
  name: 'linli-console-fallback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/console(\/|$|\?)/.test(req.url) && !req.url.includes('.')) req.url = '/console.html';
      next();
    });
  },
});

/** Two pages: the resident phone web (`index.html`) and the cadre console (`console.html`). */
export default defineConfig({
  plugins: [react(), consoleFallback()],
  // React is installed twice in the workspace (18 hoisted for older peers, 19 here); bundle one copy.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { index: here('./index.html'), console: here('./console.html') },
      // Code both pages use (React, i18n, the API client) goes to one `shared` chunk.
      output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
