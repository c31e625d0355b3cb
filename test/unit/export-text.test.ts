/** Float32-exact text, both CSV styles (read back by python's csv module), Markdown, LaTeX, safe names. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFloat32, formatFloat32Comma } from '../../src/inspector/export/floats';
import { csvText, csvNumber, tensorCsv, toCsv } from '../../src/inspector/export/csv';
import { paramCsvFile, paramLatex, paramMarkdown } from '../../src/inspector/export/layerFiles';
import { latexNumber, latexText, markdownText } from '../../src/inspector/export/tables';
import { safeFilename, safeName, weightShortName } from '../../src/inspector/export/names';
import { awkwardFloats, bitsOf, runPython, tempDir, writeFile } from './export-fixtures';

const HOSTILE = ['../evil', '<img src=x onerror=alert(1)>', 'a"b', '=cmd'];

describe('float32 text', () => {
  it('uses the fewest digits that read back to the same float32', () => {
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(Math.fround(1 / 3))).toBe('0.33333334');
    expect(formatFloat32(16777216)).toBe('16777216');
    expect(formatFloat32(-0)).toBe('-0');
    expect(formatFloat32(NaN)).toBe('NaN');
    expect(formatFloat32(-Infinity)).toBe('-Infinity');
    expect(formatFloat32Comma(Math.fround(-1.5))).toBe('-1,5');
  });

  it('round-trips every float32 of a large sample exactly, with at most 9 significant digits', () => {
    const sample = Float32Array.from([...awkwardFloats(5000, 11), 1e-45, 1.1754943508222875e-38, 3.4028234663852886e38]);
    new Uint32Array(sample.buffer).forEach((_, i, bits) => {
      if (i < 2000) bits[i] = (Math.imul(i + 1, 2654435761) >>> 0) & 0x7f7fffff; // random bit patterns
    });
    for (const x of sample) {
      const s = formatFloat32(x);
      expect(Math.fround(Number(s))).toBe(x);
      expect(s.replace(/^-|e.*$|\./g, '').replace(/^0+|0+$/g, '').length).toBeLessThanOrEqual(9);
    }
  });
});

describe('CSV', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('protects text cells against formula injection, but numbers stay numbers', () => {
    expect(csvText('=cmd', 'comma')).toBe("'=cmd");
    expect(csvText('+1', 'comma')).toBe("'+1");
    expect(csvText('-x', 'comma')).toBe("'-x");
    expect(csvText('@SUM(A1)', 'comma')).toBe("'@SUM(A1)");
    expect(csvNumber(Math.fround(-0.5), 'comma')).toBe('-0.5');
    expect(csvNumber(Math.fround(-0.5), 'semicolon')).toBe('-0,5');
  });

  it('quotes per RFC 4180: separators, quotes and line breaks', () => {
    expect(csvText('a"b', 'comma')).toBe('"a""b"');
    expect(csvText('a,b', 'comma')).toBe('"a,b"');
    expect(csvText('a,b', 'semicolon')).toBe('a,b');
    expect(csvText('a;b', 'semicolon')).toBe('"a;b"');
    expect(csvText('line\nbreak', 'comma')).toBe('"line\nbreak"');
    expect(toCsv([['x', 1], ['y', 2]], 'comma')).toBe('x,1\r\ny,2\r\n');
  });

  it('writes a kernel as a header row of units and one row per input', () => {
    const csv = tensorCsv('dense/kernel', { shape: [2, 3], values: Float32Array.of(1, -2, 3.5, 0, 0.25, -0.125) }, 'semicolon');
    expect(csv).toBe('dense/kernel;unit_0;unit_1;unit_2\r\ninput_0;1;-2;3,5\r\ninput_1;0;0,25;-0,125\r\n');
  });

  // Python's csv module is a standard RFC 4180 reader; values parse as floats and go to float32.
  // Python's csv module is a standard RFC 4180 reader; values parse as floats and go to float32.
  const READ_CSV = `
import csv, json, sys
import numpy as np
delimiter, decimal = sys.argv[1], sys.argv[2]
out = []
for path in sys.argv[3:]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    header, body = rows[0], rows[1:]
    values = [float(c.replace(decimal, ".")) for r in body for c in r[1:]]
    bits = np.array(values, dtype=np.float64).astype(np.float32).view(np.uint32).tolist()
    out.append({"header": header, "labels": [r[0] for r in body], "bits": bits, "widths": [len(r) for r in rows]})
print(json.dumps(out))
`;

  for (const style of ['comma', 'semicolon'] as const) {
    it(`a kernel and a bias in the ${style} style parse back exactly, hostile names intact`, () => {
      const kernel = { name: 'kernel', shape: [4, 8], values: awkwardFloats(32, 21) };
      const bias = { name: 'bias', shape: [8], values: awkwardFloats(8, 22) };
      const cases = ['dense', ...HOSTILE].flatMap((layer) => [kernel, bias].map((param) => ({ layer, param })));
      const paths = cases.map((ref, i) => {
        const file = paramCsvFile(ref, style, 'Iris');
        expect(file.filename).not.toMatch(/[/\\"<>]/);
        return writeFile(tmp.dir, `${style}${i}.csv`, file.data);
      });
      const sep = style === 'comma' ? ',' : ';';
      const dec = style === 'comma' ? '.' : ',';
      const results = JSON.parse(runPython(tmp.dir, READ_CSV, [sep, dec, ...paths]));
      cases.forEach(({ layer, param }, i) => {
        const out = results[i];
        expect(out.bits).toEqual(bitsOf(param.values));
        const label = `${layer}/${param.name}`;
        expect(out.header[0]).toBe(label.startsWith('=') ? `'${label}` : label);
        expect(out.header.slice(1)).toEqual(Array.from({ length: 8 }, (_, k) => `unit_${k}`));
        expect(out.labels).toEqual(param.shape.length === 2 ? ['input_0', 'input_1', 'input_2', 'input_3'] : ['bias']);
        expect(new Set(out.widths)).toEqual(new Set([9]));
      });
    });
  }
});

describe('Markdown and LaTeX tables', () => {
  const ref = { layer: 'dense', param: { name: 'kernel', shape: [2, 2], values: Float32Array.of(Math.fround(0.1), -2, 1e-7, 3) } };

  it('Markdown: a header of units, exact values, right-aligned columns', () => {
    expect(paramMarkdown(ref)).toBe(
      '| dense/kernel | unit\\_0 | unit\\_1 |\n| --- | ---: | ---: |\n| input\\_0 | 0.1 | -2 |\n| input\\_1 | 1e-7 | 3 |\n',
    );
  });

  it('LaTeX: a tabular with numbers in math mode and escaped names', () => {
    expect(paramLatex(ref)).toBe(
      [
        '\\begin{tabular}{lrr}',
        '\\hline',
        'dense/kernel & unit\\_0 & unit\\_1 \\\\',
        '\\hline',
        'input\\_0 & $0.1$ & $-2$ \\\\',
        'input\\_1 & $1\\times10^{-7}$ & $3$ \\\\',
        '\\hline',
        '\\end{tabular}',
        '',
      ].join('\n'),
    );
    expect(latexNumber(Math.fround(-1.5e-7))).toBe('$-1.5\\times10^{-7}$');
  });

  it('escapes hostile names in both', () => {
    expect(latexText('a_b & 100% $x$ #1 {y} ~z^ \\cmd\nnext')).toBe(
      'a\\_b \\& 100\\% \\$x\\$ \\#1 \\{y\\} \\textasciitilde{}z\\textasciicircum{} \\textbackslash{}cmd next',
    );
    expect(markdownText('<img src=x onerror=alert(1)>|x')).toBe('\\<img src=x onerror=alert(1)\\>\\|x');
    const md = paramMarkdown({ ...ref, layer: 'a|b\n| injected |' });
    expect(md.split('\n')[0]).toBe('| a\\|b \\| injected \\|/kernel | unit\\_0 | unit\\_1 |');
    expect(md.trim().split('\n')).toHaveLength(4);
  });
});

describe('safe file names', () => {
  it('keeps ordinary names and replaces what could escape a folder or fool the user', () => {
    expect(safeFilename(['Iris (course)', 'dense_1', 'kernel'], 'csv')).toBe('Iris (course)-dense_1-kernel.csv');
    expect(safeName('../evil')).toBe('_evil');
    expect(safeName('..')).toBe('export');
    expect(safeName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeName('tab\there\u0000\u001b[31m')).toBe('tab_here_[31m');
    expect(safeName('gpj.\u202eexe')).toBe('gpj.exe');
    expect(safeName('CON')).toBe('_CON');
    expect(safeName('Schwertlilie ä 🌸')).toBe('Schwertlilie ä 🌸');
    expect(Array.from(safeName('🌸'.repeat(200))).length).toBe(80);
    expect(safeFilename(['<img src=x onerror=alert(1)>'], 'json')).toBe('_img src=x onerror=alert(1)_.json');
    expect(safeFilename(['', '...'], 'npy')).toBe('export.npy');
  });

  it('reads Keras weight names', () => {
    expect(weightShortName('dense_1/kernel:0')).toBe('kernel');
    expect(weightShortName('model/dense/bias')).toBe('bias');
    expect(weightShortName('gamma')).toBe('gamma');
  });
});
