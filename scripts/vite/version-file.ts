import type { Plugin } from 'vite';

/** Writes `version.json`, which an installed app polls to learn that a new build is deployed. */
export function versionFile(version: string): Plugin {
  return {
    name: 'signpost-version-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'version.json',
        source: JSON.stringify({ version, builtAt: new Date().toISOString() }) + '\n',
      });
    },
  };
}
