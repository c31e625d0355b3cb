/**
 * The drawing pad's strokes: points in pad pixels, drawn as round white lines on black (MNIST's
 * light ink on a dark field), and the pad's pixels read back as ink for the preprocessing.
 */

export interface Point {
  x: number;
  y: number;
}

export type Stroke = Point[];

/** The pad's bitmap side in pixels (drawn at any CSS size). */
export const PAD_SIDE = 280;
/**
 * Pen width in pad pixels. A digit drawn across most of the pad (~200 px) is scaled by ~1/10 into
 * MNIST's 20x20 box, which makes this pen about 2 pixels wide, as MNIST's strokes are.
 */
export const PEN_WIDTH = 20;

/** Paints every stroke (a dot for a single point) onto a cleared pad. */
export function paintStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], side = PAD_SIDE, pen = PEN_WIDTH): void {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, side, side);
  for (const s of strokes) paintStroke(ctx, s, 0, pen);
}

/** Paints a stroke from point `from` on (for drawing while the pointer moves). */
export function paintStroke(ctx: CanvasRenderingContext2D, stroke: Stroke, from = 0, pen = PEN_WIDTH): void {
  if (stroke.length === 0) return;
  ctx.strokeStyle = '#fff';
  ctx.fillStyle = '#fff';
  ctx.lineWidth = pen;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (stroke.length === 1) {
    ctx.beginPath();
    ctx.arc(stroke[0].x, stroke[0].y, pen / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  const start = Math.max(0, from - 1);
  ctx.beginPath();
  ctx.moveTo(stroke[start].x, stroke[start].y);
  for (let i = start + 1; i < stroke.length; i++) ctx.lineTo(stroke[i].x, stroke[i].y);
  ctx.stroke();
}

/** The red channel of RGBA pixels as ink 0..255 (the pad is grey, so any channel will do). */
export function inkOf(rgba: Uint8ClampedArray): Float32Array {
  const out = new Float32Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4];
  return out;
}
