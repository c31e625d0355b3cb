/**
 * Moving the output cell of a conv/pooling arithmetic panel: arrow keys step one output cell
 * (the window moves by the stride on the input), the animation walks the cells row by row.
 * Pure functions over spatial positions, channels last: [(depth,) (height,) width].
 */

/** The position after `key` (ArrowLeft/Right: width; ArrowUp/Down: height; PageUp/Down: depth), or null for other keys. */
export function movePosition(position: readonly number[], outputSize: readonly number[], key: string): number[] | null {
  const n = outputSize.length;
  const axis: Record<string, [number, number]> = {
    ArrowLeft: [n - 1, -1],
    ArrowRight: [n - 1, 1],
    ArrowUp: [n - 2, -1],
    ArrowDown: [n - 2, 1],
    PageUp: [n - 3, -1],
    PageDown: [n - 3, 1],
    Home: [-1, 0],
  };
  const m = axis[key];
  if (!m) return null;
  if (key === 'Home') return outputSize.map(() => 0);
  const [a, d] = m;
  if (a < 0) return null;
  const next = [...position];
  next[a] = Math.max(0, Math.min(outputSize[a] - 1, next[a] + d));
  return next;
}

/** The next cell in row-major order, wrapping to the first after the last. */
export function nextPosition(position: readonly number[], outputSize: readonly number[]): number[] {
  const next = [...position];
  for (let a = next.length - 1; a >= 0; a--) {
    next[a]++;
    if (next[a] < outputSize[a]) return next;
    next[a] = 0;
  }
  return next;
}

/** A position clamped into the output (a stale position after the layer changed). */
export function clampPosition(position: readonly number[] | undefined, outputSize: readonly number[]): number[] {
  return outputSize.map((s, a) => Math.max(0, Math.min(s - 1, Math.trunc(position?.[a] ?? 0))));
}

/** The window's taps as a grid: rows x cols (the last kernel axis as columns). */
export function tapGrid(size: readonly number[]): { rows: number; cols: number } {
  const cols = size[size.length - 1] ?? 1;
  const rows = size.slice(0, -1).reduce((a, b) => a * b, 1);
  return { rows, cols };
}
