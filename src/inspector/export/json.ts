/**
 * JSON text with float32-exact numbers. Numbers are written with the shortest digits that read
 * back to the same float32; NaN and ±Infinity (which JSON lacks) as the strings "NaN",
 * "Infinity", "-Infinity", which np.array(..., dtype=np.float32) and Number() both accept.
 * Arrays of numbers stay on one line, so a 4 x 8 kernel is 4 readable lines.
 */
import { formatFloat32 } from './floats';

/** Marks a number leaf that must be written as a float32. */
export class F32 {
  constructor(readonly value: number) {}
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v !== 'object' || v instanceof F32;
}

function leaf(v: unknown): string {
  if (v instanceof F32) {
    // "-0.0", not "-0": Python's json reads "-0" as the integer 0 and loses the sign.
    if (Object.is(v.value, -0)) return '-0.0';
    const s = formatFloat32(v.value);
    return Number.isFinite(v.value) ? s : JSON.stringify(s);
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return JSON.stringify(String(v));
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null';
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}

/** Pretty JSON where arrays of primitives are written inline. */
export function writeJson(value: unknown, indent = ''): string {
  if (isPrimitive(value)) return leaf(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) return `[${value.map(leaf).join(', ')}]`;
    return `[\n${value.map((v) => inner + writeJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== 'function',
  );
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${writeJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
