import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Three targets: the main process (Node; with the worker threads of the simulations as entries of their
 * own, found beside the bundle at run time by main/workers/workerEntry.ts), the preload bridge (CommonJS for the sandbox) and
 * the React renderer.
 */

/** The database migrations are read from disk at open: ship them beside the main bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'vb-copy-migrations',
    apply: 'build',
    closeBundle() {
      cpSync(resolve(__dirname, 'main/db/migrations'), resolve(__dirname, 'out/main/migrations'), {
        recursive: true,
      });
    },
  };
}

/**
 * In development only, Vite's React refresh needs an inline script and the dev server's socket: the
 * page's CSP is relaxed for `electron-vite dev`. The built page keeps the strict policy of index.html.
 */
function devCsp(): Plugin {
  return {
    name: 'vb-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /content="default-src 'self'; script-src 'self'; style-src 'self';([^"]*)connect-src 'self';/,
        `content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';$1connect-src 'self' ws://localhost:* ws://127.0.0.1:*;`,
      );
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      // electron-store is ESM-only: bundle it into the CommonJS main instead of requiring it.
      externalizeDeps: { exclude: ['electron-store'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/main.ts'),
          sweepWorker: resolve(__dirname, 'main/workers/sweepWorker.ts'),
          simulationWorker: resolve(__dirname, 'main/workers/simulationWorker.ts'),
          compareWorker: resolve(__dirname, 'main/workers/compareWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      // A sandboxed window cannot load an ES-module preload.
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
