import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = (path: string) => fileURLToPath(new URL(`./src/web/${path}`, import.meta.url));

/**
 * Two pages: the admin console (index.html) and the residents' portal (portal.html). They share only
 * React, so a resident on a phone never downloads antd or the console.
 */
export default defineConfig({
  root: web(''),
  publicDir: web('public'),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts, so never inline the module preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { index: web('index.html'), portal: web('portal.html') },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion)[\\/]/,
              priority: 20,
            },
            // The portal uses the router but not react-query: keep them in separate chunks.
            {
              name: 'router',
              test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 15,
            },
            { name: 'vendor', test: /node_modules[\\/](@tanstack)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite` serves the UI with hot reload while the API runs on `npx minsheng serve`.
    proxy: { '/api': `http://localhost:${process.env.MINSHENG_API_PORT ?? 3000}` },
  },
});
