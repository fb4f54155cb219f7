import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pagePreloads } from './scripts/vite/page-preloads.ts';
import { precompress } from './scripts/vite/precompress.ts';
import { versionFile } from './scripts/vite/version-file.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// A new id on every build, so an installed app can tell that a new version has been deployed.
const buildId = process.env.SIGNPOST_BUILD_ID ?? `${pkg.version}+${Date.now().toString(36)}`;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(buildId) },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Inlined assets would need a CSP exception for data: scripts; keep every file a file.
    assetsInlineLimit: 0,
  },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg', 'icons/*.png'],
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['version.json', '**/*.gz', '**/*.br'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      manifest: {
        id: '/',
        name: 'Signpost – find local support in Essex',
        short_name: 'Signpost',
        description:
          'Find local support in Essex: staying well, support for carers, housing, work and things to do. Works offline.',
        lang: 'en-GB',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1d4f91',
        background_color: '#ffffff',
        categories: ['health', 'lifestyle', 'government'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        shortcuts: [
          {
            name: 'Search',
            short_name: 'Search',
            url: '/search',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
          },
          {
            name: 'My list',
            short_name: 'My list',
            url: '/my-list',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
          },
          {
            name: 'Give feedback',
            short_name: 'Feedback',
            url: '/feedback',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
          },
        ],
      },
    }),
    versionFile(buildId),
    // A service's page, the page most often opened straight from a link (see features/directory/routes.ts):
    // what it starts at once when opened at its address (its directory download too), and its words.
    // Results are left out: in Lighthouse's phone runs, naming their files early made their first paint
    // later (LCP median 2.40 s -> 2.49 s), their code competing with the shell's for the connection.
    pagePreloads({
      '/services/*': {
        modules: [
          'src/app/features/directory/service-page.tsx',
          'src/app/features/directory/service-lookup.ts',
          'src/store/directory-sync.ts',
        ],
        words: ['common', 'directory', 'my-list'],
      },
    }),
    precompress(),
  ],
});
