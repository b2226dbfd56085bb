import { defineConfig } from 'vite';

// The build is committed (engine/admin/dist) and CI checks that it is
// current, so it must be byte-for-byte reproducible: no timestamps, stable
// chunk names derived from content hashes only.
export default defineConfig({
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The 'use client' directives of React libraries mean nothing in a
      // client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
