/** A kernel or bias as a Markdown table or a LaTeX tabular, for the clipboard. Values float32-exact. */
import { formatFloat32 } from './floats';
import { checkTensor, tableView } from './tensors';

interface TensorLike {
  shape: number[];
  values: ArrayLike<number>;
}

/** Markdown inline text: control characters become spaces; |, \, `, *, _, <, >, [, ] are escaped. */
export function markdownText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return String(text).replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/([\\|`*_<>[\]#])/g, '\\$1');
}

export function markdownTable(label: string, tensor: TensorLike, rowName?: string): string {
  checkTensor(label, tensor.shape, tensor.values);
  const view = tableView(tensor.shape, tensor.values, rowName ?? (tensor.shape.length <= 1 ? label : 'input'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line([markdownText(label), ...view.columnLabels.map(markdownText)]),
    line(['---', ...view.columnLabels.map(() => '---:')]),
  ];
  for (let r = 0; r < view.rows; r++) {
    const cells = [markdownText(view.rowLabels[r])];
    for (let c = 0; c < view.columns; c++) cells.push(formatFloat32(view.cell(r, c)));
    out.push(line(cells));
  }
  return out.join('\n') + '\n';
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** LaTeX text: the ten special characters (and <, >, |) escaped; line breaks and control characters become spaces. */
export function latexText(text: string): string {
  return (
    String(text)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/[\\&%$#_{}~^<>|]/g, (ch) => LATEX_SPECIALS[ch])
  );
}

/** A number in math mode with a real minus sign: "-1.5e-7" -> "$-1.5\times10^{-7}$". */
export function latexNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '$\\infty$' : '$-\\infty$';
  const s = formatFloat32(x);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  if (m) return `$${m[1]}\\times10^{${Number(m[2])}}$`;
  return `$${s}$`;
}

export function latexTable(label: string, tensor: TensorLike, rowName?: string): string {
  checkTensor(label, tensor.shape, tensor.values);
  const view = tableView(tensor.shape, tensor.values, rowName ?? (tensor.shape.length <= 1 ? label : 'input'));
  const out = [
    `\\begin{tabular}{l${'r'.repeat(view.columns)}}`,
    '\\hline',
    [latexText(label), ...view.columnLabels.map(latexText)].join(' & ') + ' \\\\',
    '\\hline',
  ];
  for (let r = 0; r < view.rows; r++) {
    const cells = [latexText(view.rowLabels[r])];
    for (let c = 0; c < view.columns; c++) cells.push(latexNumber(view.cell(r, c)));
    out.push(cells.join(' & ') + ' \\\\');
  }
  out.push('\\hline', '\\end{tabular}');
  return out.join('\n') + '\n';
}
