/**
 * `model.summary()` as Keras 3 prints it (keras/src/utils/summary_utils.py): a table of
 * "Layer (type)", "Output Shape", "Param #" (and "Connected to" for a functional model that is not
 * a plain chain), then the total, trainable and non-trainable parameter counts with their memory.
 * Built from the tfjs model the app runs, so what it says is what the trace steps through.
 */
import type { LayersModel } from '../models/tf';

export interface SummaryRow {
  /** e.g. "dense_1 (Dense)". */
  layer: string;
  /** e.g. "(None, 128)". */
  outputShape: string;
  params: number;
  /** e.g. "dense[0][0], dense_1[0][0]", "-" for an input; null for Sequential-like models. */
  connectedTo: string | null;
}

export interface ModelSummary {
  name: string;
  /** True when Keras would print the three-column table (a Sequential or a plain chain). */
  sequentialLike: boolean;
  rows: SummaryRow[];
  trainable: number;
  nonTrainable: number;
}

/** The slice of tfjs' layer API the summary reads. */
interface SummaryLayer {
  name: string;
  getClassName(): string;
  outputShape: unknown;
  countParams(): number;
  trainableWeights: { shape: number[] }[];
  nonTrainableWeights: { shape: number[] }[];
  inboundNodes: { inboundLayers: { name: string }[]; nodeIndices: number[]; tensorIndices: number[] }[];
}

function shapeText(shape: unknown): string {
  // Keras' format_shape: "(None, 8)"; it writes a one-axis shape without Python's trailing comma.
  const one = (s: (number | null)[]) => `(${s.map((d) => (d == null ? 'None' : String(d))).join(', ')})`;
  if (Array.isArray(shape) && shape.length > 0 && Array.isArray(shape[0])) {
    const all = (shape as (number | null)[][]).map(one);
    return all.length === 1 ? all[0] : `[${all.join(', ')}]`;
  }
  return Array.isArray(shape) ? one(shape as (number | null)[]) : '?';
}

function count(weights: { shape: number[] }[]): number {
  return weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
}

/** What Keras' summary says about a model (the numbers; `summaryText` lays them out). */
export function modelSummary(model: LayersModel): ModelSummary {
  const layers = model.layers as unknown as SummaryLayer[];
  const isSequential = model.getClassName() === 'Sequential';
  // Keras treats a functional model as sequential-like when every node has one input and no layer
  // is used twice; tfjs' layer list keeps the InputLayer, which Keras prints for functional models.
  const sequentialLike =
    isSequential || layers.every((l) => l.inboundNodes.length <= 1 && l.inboundNodes.every((n) => n.inboundLayers.length <= 1));
  const rows = layers.map((l): SummaryRow => ({
    layer: `${l.name} (${l.getClassName()})`,
    outputShape: shapeText(l.outputShape),
    params: l.countParams(),
    connectedTo: sequentialLike
      ? null
      : l.inboundNodes
          .flatMap((n) => n.inboundLayers.map((src, i) => `${src.name}[${n.nodeIndices[i]}][${n.tensorIndices[i]}]`))
          .join(', ') || '-',
  }));
  return {
    name: model.name,
    sequentialLike,
    rows,
    trainable: count(model.trainableWeights as unknown as { shape: number[] }[]),
    nonTrainable: count(model.nonTrainableWeights as unknown as { shape: number[] }[]),
  };
}

/** Keras' "1,234": thousands separated by commas whatever the language (it is Python's output). */
export function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Keras' readable_memory_size: bytes in B, KB, MB... (1024 each), two decimals. */
export function readableMemorySize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  for (const unit of units) {
    if (size / 1024 < 1) return `${size.toFixed(2)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(2)} PB`;
}

/**
 * Cuts `text` into lines of at most `width` characters as rich does in Keras' table cells
 * (rich's divide_line without folding): words move to the next line whole; a word longer than the
 * column ends in "…" (rich.table.Column's default overflow, "ellipsis").
 */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/\s*\S+\s*/g) ?? [text]) {
    if (width - line.length >= word.trimEnd().length) line += word;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.map((l) => {
    const t = l.trimEnd();
    return t.length > width ? `${t.slice(0, width - 1)}…` : t;
  });
}

/** Python's round(): halves go to the even neighbour (rich's layout uses it). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Keras' column widths, shrunk as rich's Table shrinks columns of fixed width that do not fit:
 * each column's width plus its padding, less an equal share of the excess (rich's ratio_reduce).
 * Returns the content widths (without the one-space padding on either side).
 */
function columnWidths(positions: number[], lineLength: number): number[] {
  let current = 0;
  const padded = positions.map((p) => {
    const w = Math.floor(p * lineLength) - current;
    current += w;
    return w + 2;
  });
  let excess = padded.reduce((a, b) => a + b, 0) - (lineLength - (positions.length + 1));
  let ratio = padded.length;
  return padded.map((w) => {
    const cut = excess > 0 ? Math.min(w, roundHalfEven(excess / ratio)) : 0;
    excess -= cut;
    ratio -= 1;
    return w - cut - 2;
  });
}

/**
 * The summary as Keras prints it without colour: 88 characters wide (108 with "Connected to"), or
 * the terminal's width less 4 when that is smaller (`terminalColumns`; 80 gives the narrower
 * tables some notebooks show). Parameters are float32 (4 bytes each).
 */
export function summaryText(s: ModelSummary, terminalColumns = Infinity): string {
  const header = s.sequentialLike ? ['Layer (type)', 'Output Shape', 'Param #'] : ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'];
  const right = [false, false, true, false];
  const lineLength = Math.min(s.sequentialLike ? 88 : 108, terminalColumns - 4);
  const inner = columnWidths(s.sequentialLike ? [0.45, 0.8, 1] : [0.3, 0.56, 0.74, 1], lineLength);
  const cells = (values: string[]): string[][] => {
    const wrapped = values.map((v, i) => wrap(v, inner[i]));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) =>
      wrapped.map((w, i) => ` ${right[i] ? (w[k] ?? '').padStart(inner[i]) : (w[k] ?? '').padEnd(inner[i])} `),
    );
  };
  const rule = (l: string, mid: string, r: string, fill: string) => l + inner.map((w) => fill.repeat(w + 2)).join(mid) + r;
  const out: string[] = [`Model: "${s.name}"`];
  out.push(rule('┏', '┳', '┓', '━'));
  for (const parts of cells(header)) out.push('┃' + parts.join('┃') + '┃');
  out.push(rule('┡', '╇', '┩', '━'));
  s.rows.forEach((row, i) => {
    const values = [row.layer, row.outputShape, groupThousands(row.params)];
    if (!s.sequentialLike) values.push(row.connectedTo ?? '-');
    for (const parts of cells(values)) out.push('│' + parts.join('│') + '│');
    out.push(i === s.rows.length - 1 ? rule('└', '┴', '┘', '─') : rule('├', '┼', '┤', '─'));
  });
  if (s.rows.length === 0) out.push(rule('└', '┴', '┘', '─'));
  const total = s.trainable + s.nonTrainable;
  out.push(` Total params: ${groupThousands(total)} (${readableMemorySize(total * 4)})`);
  out.push(` Trainable params: ${groupThousands(s.trainable)} (${readableMemorySize(s.trainable * 4)})`);
  out.push(` Non-trainable params: ${groupThousands(s.nonTrainable)} (${readableMemorySize(s.nonTrainable * 4)})`);
  return out.join('\n');
}
