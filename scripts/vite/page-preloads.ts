import { basename, dirname, resolve } from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import type { PagePreloads } from '../../src/domain/api/page-preloads.ts';

/** A page to name files for: the modules it starts loading when opened, and the words it is drawn with. */
interface PageNeeds {
  modules: string[];
  /** Namespaces of `locales/{language}/{namespace}.json`. */
  words: string[];
}

/**
 * Writes `page-preloads.json`: for each page a person often opens straight from a link, the script, style
 * and word files its first draw needs beyond the app's shell. The server names them in that page's HTML,
 * so a phone fetches them alongside the shell rather than a round trip or two after it. Addresses ending
 * in `*` match every address that starts with the rest.
 */
export function pagePreloads(pages: Record<string, PageNeeds>): Plugin {
  return {
    name: 'signpost-page-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (file): file is Rolldown.OutputChunk => file.type === 'chunk',
      );
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const withImports = (files: string[], found = new Set<string>()): Set<string> => {
        for (const file of files) {
          if (found.has(file)) continue;
          found.add(file);
          withImports(byFile.get(file)?.imports ?? [], found);
        }
        return found;
      };
      const shell = withImports(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
      const preloads: PagePreloads = {};
      for (const [address, needs] of Object.entries(pages)) {
        const starts = needs.modules.map((module) => {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId === resolve(module));
          if (!chunk) this.error(`page-preloads: ${module} is not loaded on its own, so has no file to name`);
          return chunk.fileName;
        });
        const scripts = [...withImports(starts)].filter((file) => !shell.has(file));
        const styles = new Set(
          scripts.flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]),
        );
        const words: Record<string, string[]> = {};
        for (const chunk of chunks) {
          const id = chunk.facadeModuleId ?? '';
          if (!id.startsWith(resolve('locales')) || !needs.words.includes(basename(id, '.json'))) continue;
          if (!shell.has(chunk.fileName)) (words[basename(dirname(id))] ??= []).push(chunk.fileName);
        }
        preloads[address] = { scripts, styles: [...styles], words };
      }
      this.emitFile({
        type: 'asset',
        fileName: 'page-preloads.json',
        source: JSON.stringify(preloads, null, 2) + '\n',
      });
    },
  };
}
