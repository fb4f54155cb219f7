// `npm start`: build if needed, then run the server (it migrates the database before it listens).
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
await import('../dist/server/server/main.js');
