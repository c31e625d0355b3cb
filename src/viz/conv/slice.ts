/** One channel of a feature map as its own tensor [1, ...spatial, 1], batch example 0. */
export function channelSlice(
  t: { shape: number[]; values: Float32Array },
  channel: number,
  dataFormat: 'channels_last' | 'channels_first' = 'channels_last',
): { shape: number[]; values: Float32Array } | null {
  if (t.shape.length < 3) return null;
  const first = dataFormat === 'channels_first';
  const C = first ? t.shape[1] : t.shape[t.shape.length - 1];
  if (!(channel >= 0 && channel < C)) return null;
  const spatial = first ? t.shape.slice(2) : t.shape.slice(1, -1);
  const n = spatial.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = first ? t.values[channel * n + i] : t.values[i * C + channel];
  return { shape: [1, ...spatial, 1], values: out };
}
