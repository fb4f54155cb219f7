// `npm start`: build if needed, then run the server (it migrates the database before it listens).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, distDir } from './build-if-needed.mjs';

buildIfNeeded();
process.env.STATIC_DIR ??= join(distDir, 'client');
await import(pathToFileURL(join(distDir, 'server/server/main.js')).href);
