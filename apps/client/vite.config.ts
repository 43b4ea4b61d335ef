import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// Where the dev server forwards API and socket traffic: the Nest server, unless told otherwise.
const server = process.env.CROSSROADS_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages resolve to their TypeScript source, so @crossroads/shared and zod
    // are bundled as ES modules and tree-shaken instead of pulling in the CommonJS build.
    conditions: ['@crossroads/source', ...defaultClientConditions],
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: 'realtime',
              test: /node_modules[\\/](socket\.io-|engine\.io-|@socket\.io[\\/])/,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            // zodCsp rides in zod's chunk: it switches zod to jitless before any chunk that
            // imports zod builds a schema (an object schema probes eval when it is built, and a
            // refused probe is a CSP violation report even though zod catches it).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zodCsp\.ts$/ },
          ],
        },
      },
    },
  },
});
