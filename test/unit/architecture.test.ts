/**
 * The direction of dependencies, checked on every import in src/: viz -> inspector -> models -> tfjs.
 * src/models imports neither src/inspector nor src/viz; src/inspector does not import src/viz;
 * src/models/tf.ts is the one file that imports @tensorflow/*; src/viz takes tfjs only as types.
 * Also: one reference-check comparison and one number format, so two views cannot disagree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = resolve(ROOT, 'src');

interface Import {
  file: string;
  /** As written: '../models/tf', '@tensorflow/tfjs-core'. */
  spec: string;
  /** src-relative path of a relative import ('models/tf'), else null. */
  target: string | null;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = resolve(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|svelte|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every static, re-export, side-effect and dynamic import of a file's text. */
export function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)).replace(/\\/g, '/').replace(/\.(ts|js|svelte)$/, '') : null;
    out.push({ file: relative(SRC, file).replace(/\\/g, '/'), spec, target, typeOnly });
  };
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
    const names = m[3].trim();
    const allTypes = /^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    add(m[4], Boolean(m[2]) || allTypes);
  }
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) add(m[1], false);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1], false);
  return out;
}

const layerOf = (srcPath: string | null) => (srcPath ? srcPath.split('/')[0] : null);

/** The rules; each violation as "file: import 'spec' (why)". */
export function violations(imports: Import[]): string[] {
  const bad: string[] = [];
  for (const i of imports) {
    const from = layerOf(i.file);
    const to = layerOf(i.target);
    const say = (why: string) => bad.push(`src/${i.file}: import '${i.spec}' (${why})`);
    if (from === 'i18n' && to !== null && to !== 'i18n') say('src/i18n is a leaf: it imports nothing from src/');
    if (from === 'models' && (to === 'inspector' || to === 'viz')) say(`src/models must not depend on src/${to}`);
    if (from === 'inspector' && to === 'viz') say('src/inspector must not depend on src/viz');
    if (i.spec.startsWith('@tensorflow/') && i.file !== 'models/tf.ts') say('only src/models/tf.ts imports tfjs');
    if (from === 'viz' && i.target === 'models/tf' && !i.typeOnly) say('src/viz takes tfjs only as types: no tfjs calls in views');
  }
  return bad;
}

const files = sourceFiles(SRC);
const all = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

describe('the direction of dependencies: viz -> inspector -> models -> tfjs', () => {
  it('finds the imports it checks (the scan sees the app)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(all.some((i) => i.file === 'inspector/trace.ts' && i.target === 'models/tf')).toBe(true);
    expect(all.some((i) => i.file === 'models/tf.ts' && i.spec === '@tensorflow/tfjs-core')).toBe(true);
    expect(all.some((i) => i.file.startsWith('viz/') && i.file.endsWith('.svelte') && i.target?.startsWith('inspector/'))).toBe(true);
  });

  it('holds for every import in src/', () => {
    expect(violations(all)).toEqual([]);
  });

  it('catches each kind of violation (the check can fail)', () => {
    const fake = (path: string, text: string) => importsOf(resolve(SRC, path), text);
    expect(violations(fake('models/train/x.ts', "import { traceModel } from '../../inspector/trace';"))).toHaveLength(1);
    expect(violations(fake('models/x.ts', "export { a } from '../viz/state/app.svelte';"))).toHaveLength(1);
    expect(violations(fake('inspector/x.ts', "const m = await import('../viz/colour');"))).toHaveLength(1);
    expect(violations(fake('inspector/x.ts', "import {\n  tensor,\n} from '@tensorflow/tfjs-core';"))).toHaveLength(1);
    expect(violations(fake('viz/X.svelte', "<script lang=\"ts\">\n  import { tf } from '../models/tf';\n</script>"))).toHaveLength(1);
    expect(violations(fake('viz/X.svelte', "  import type { LayersModel } from '../models/tf';"))).toEqual([]);
    expect(violations(fake('viz/x.ts', "import { type LayersModel } from '../models/tf';"))).toEqual([]);
    expect(violations(fake('viz/x.ts', "import '@tensorflow/tfjs-backend-cpu';"))).toHaveLength(1);
    expect(violations(fake('inspector/trace.ts', "import { tf } from '../models/tf';"))).toEqual([]);
    expect(violations(fake('i18n/messages/x.ts', "import { formatShape } from '../../inspector/format';"))).toHaveLength(1);
    expect(violations(fake('models/x.ts', "import { m } from '../i18n/messages/x';"))).toEqual([]);
  });
});

describe('one answer to one question', () => {
  const text = (f: string) => readFileSync(f, 'utf8');
  const rel = (f: string) => relative(ROOT, f).replace(/\\/g, '/');

  it('tfjs and the reference are compared in one place (src/inspector/check.ts), not with a tolerance of their own in the views', () => {
    const compares = files
      .filter((f) => rel(f) !== 'src/inspector/check.ts')
      .filter((f) => /[<>]=?\s*1e-5\b|1e-5\s*[<>]=?|maxAbsDiff\s*[<>]|[dD]iff\)?\s*[<>]=?\s*[\d.]+e-\d/.test(text(f)))
      .map(rel);
    expect(compares).toEqual([]);
  });

  it('one formatNumber: only src/i18n/format.ts defines it (numbers follow the language)', () => {
    const defines = files.filter((f) => /function\s+formatNumber\b|const\s+formatNumber\s*=/.test(text(f))).map(rel);
    expect(defines).toEqual(['src/i18n/format.ts']);
  });
});
