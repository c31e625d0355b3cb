/**
 * The JavaScript a first page load needs before the app runs: the production build's entry
 * (`<script type="module">` in dist/index.html), its `<link rel="modulepreload">` files, and every
 * file they import statically, followed through the module graph. Files behind a dynamic
 * `import()` (TensorFlow.js, model formats, exports, course data) are not counted: they load
 * beside the page or when a feature is used. Each file gzipped at level 9 and summed.
 *
 * Used by `npm run bench` (bundle.initialJsGzipKiB) and by test/e2e/initial-js.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for the first page load's JavaScript, gzip (issue 10). */
export const INITIAL_JS_BUDGET_KIB = 180;

/** Static imports and re-exports of a built (minified) ES module; `import(...)` does not match. */
export function staticImports(code) {
  const out = [];
  // `import"x"`, `import{a as b}from"x"`, `import*as a from"x"`, `import a,{b}from"x"`, `export{a}from"x"`, `export*from"x"`.
  const re = /(?:^|[;\s}])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*|\{[\w$\s,]*\})\s*from\s*)["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** The entry scripts and modulepreload links of the built index.html, as paths inside dist. */
export function entryFiles(html) {
  const files = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)) files.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) files.push(m[1]);
  return files.map((f) => normalize(f.replace(/^\.?\//, '')));
}

export function measureInitialJsFromBuild(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = entryFiles(html);
  const seen = new Set();
  const files = [];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const body = readFileSync(join(distDir, file));
    files.push({ file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
    for (const spec of staticImports(body.toString('utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const target = spec.startsWith('/') ? spec.slice(1) : relative(distDir, join(distDir, dirname(file), spec));
      queue.push(normalize(target));
    }
  }
  return {
    initialJsGzipKiB: files.reduce((a, f) => a + f.gzipBytes, 0) / 1024,
    initialJsKiB: files.reduce((a, f) => a + f.bytes, 0) / 1024,
    files,
  };
}
