// Runs one of the server's command-line tools (import, user-add) from the built server.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, distDir } from './build-if-needed.mjs';

const [name, ...args] = process.argv.slice(2);
buildIfNeeded();
process.argv = [process.argv[0], name, ...args];
await import(pathToFileURL(join(distDir, `server/server/cli/${name}.js`)).href);
