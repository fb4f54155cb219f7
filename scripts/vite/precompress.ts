import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const COMPRESSIBLE = /\.(?:js|css|html|svg|json|webmanifest)$/;

/**
 * Writes .br and .gz beside each hashed asset, once at build time, so the server sends the smallest
 * copy without compressing on every request. Only `assets/` is done: its names change with content.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'signpost-precompress',
    apply: 'build',
    configResolved(config: ResolvedConfig) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const dir = join(outDir, 'assets');
      for (const name of await readdir(dir)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const body = await readFile(join(dir, name));
        await writeFile(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
        await writeFile(
          join(dir, `${name}.br`),
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
