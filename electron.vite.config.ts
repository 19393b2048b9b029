import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Top-level layout (not electron-vite's src/ default): every entry is named explicitly.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle our code and pure-JS deps; only the native module stays external.
      externalizeDeps: false,
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The core host, forked by main as an Electron utilityProcess.
          core: resolve('electron/core/host/utility.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle everything else into one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // Relative asset URLs so the page loads from file:// in the app and from / in the preview.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves output unminified by default; a smaller bundle parses faster at start.
      minify: true,
      // One chunk loaded from local disk; splitting would add requests without saving anything.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
