import { defineConfig } from 'vite';

// The build goes into the certification pack's public folder, which
// `credence serve --load examples/certification` serves at /. It is
// committed, and CI checks that it is current: no timestamps, chunk names
// from content hashes only.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    // `npm run dev` proxies the API to a server started as the README says.
    proxy: Object.fromEntries(
      ['/api', '/auth', '/credentials', '/files', '/.well-known'].map((p) => [p, process.env.CREDENCE_URL ?? 'http://127.0.0.1:8080']),
    ),
  },
  build: {
    outDir: '../certification/public',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
  },
});
