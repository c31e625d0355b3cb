/**
 * The confusion matrix's numbers and colours: row = true class, column = predicted class.
 * Right answers (the diagonal) in blue, mistakes in orange, each by its share of its own kind's
 * largest count, so a handful of mistakes still shows beside thousands of right answers.
 */
import { interpolateBlues, interpolateOranges } from 'd3-scale-chromatic';

export interface ConfusionSummary {
  /** Per true class: how many test images it has. */
  rowTotals: number[];
  /** Per predicted class: how often the model said it. */
  colTotals: number[];
  total: number;
  correct: number;
  maxRight: number;
  maxWrong: number;
}

export function summarise(confusion: readonly (readonly number[])[]): ConfusionSummary {
  const n = confusion.length;
  const rowTotals = confusion.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: n }, (_, j) => confusion.reduce((a, r) => a + (r[j] ?? 0), 0));
  let correct = 0;
  let maxRight = 0;
  let maxWrong = 0;
  confusion.forEach((r, i) =>
    r.forEach((c, j) => {
      if (i === j) {
        correct += c;
        maxRight = Math.max(maxRight, c);
      } else maxWrong = Math.max(maxWrong, c);
    }),
  );
  return { rowTotals, colTotals, total: rowTotals.reduce((a, b) => a + b, 0), correct, maxRight, maxWrong };
}

/** Background of a cell: white for 0, then blue (diagonal) or orange (off the diagonal), by sqrt share. */
export function cellColour(count: number, diagonal: boolean, s: ConfusionSummary): string {
  if (!(count > 0)) return '#ffffff';
  const max = diagonal ? s.maxRight : s.maxWrong;
  const t = 0.12 + 0.78 * Math.sqrt(count / (max || 1));
  return diagonal ? interpolateBlues(t) : interpolateOranges(t);
}
