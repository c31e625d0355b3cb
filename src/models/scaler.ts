/**
 * The preprocessing a model expects, as sklearn's StandardScaler defines it: scaled = (raw - mean) / scale.
 * Parsed from what a user types (one field for mean, one for scale) or pastes / picks as JSON
 * ({"mean": [...], "scale": [...]}, sklearn-ish {"mean_": ..., "scale_": ...} or {"var_": ...}).
 * Every problem is a ScalerError naming the field it belongs to, so the form can show it there.
 */
import type { Scaler } from './types';
import { modelsData } from '../i18n/messages/models-data';

export type ScalerField = 'mean' | 'scale' | 'json';

export class ScalerError extends Error {
  constructor(
    readonly field: ScalerField,
    message: string,
  ) {
    super(message);
    this.name = 'ScalerError';
  }
}

const t = () => modelsData.scaler;
const LABEL = { get mean() { return t().mean; }, get scale() { return t().scale; } };

/**
 * "5.8, 3.06, 3.7, 1.2", "5.8 3.06 3.7 1.2", "[5.8, 3.06]" or, with semicolons, German decimal
 * commas "5,8; 3,06". Throws ScalerError for `field` on anything that is not a number.
 */
export function parseNumberList(text: string, field: 'mean' | 'scale'): number[] {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (body === '') throw new ScalerError(field, t().empty(LABEL[field]));
  const parts = body.includes(';')
    ? body.split(';').map((p) => p.trim().replace(',', '.'))
    : body.split(/[\s,]+/).map((p) => p.trim());
  return parts.map((p, i) => {
    const v = p === '' ? NaN : Number(p);
    if (!Number.isFinite(v)) throw new ScalerError(field, t().notNumber(LABEL[field], i + 1, p));
    return v;
  });
}

/** Checks lengths, finiteness and that no scale is 0; returns a copy. */
export function validateScaler(scaler: { mean: unknown; scale: unknown }, featureCount: number, jsonField = false): Scaler {
  const check = (key: 'mean' | 'scale'): number[] => {
    const field: ScalerField = jsonField ? 'json' : key;
    const v = scaler[key];
    if (!Array.isArray(v)) throw new ScalerError(field, t().needList(LABEL[key], featureCount));
    if (v.length !== featureCount) {
      throw new ScalerError(field, t().wrongCount(LABEL[key], featureCount, v.length));
    }
    v.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new ScalerError(field, t().notFinite(LABEL[key], i + 1, String(JSON.stringify(x))));
    });
    return v.slice() as number[];
  };
  const mean = check('mean');
  const scale = check('scale');
  const zero = scale.findIndex((s) => s === 0);
  if (zero >= 0) throw new ScalerError(jsonField ? 'json' : 'scale', t().zero(zero + 1));
  return { mean, scale };
}

/** Typed fields: mean and scale as text. */
export function parseScalerFields(meanText: string, scaleText: string, featureCount: number): Scaler {
  return validateScaler({ mean: parseNumberList(meanText, 'mean'), scale: parseNumberList(scaleText, 'scale') }, featureCount);
}

/** Pasted or picked JSON. */
export function parseScalerJson(text: string, featureCount: number): Scaler {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    throw new ScalerError('json', t().invalidJson);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new ScalerError('json', t().notObject);
  }
  const o = obj as Record<string, unknown>;
  const mean = o.mean ?? o.mean_ ?? o.scaler_mean;
  let scale = o.scale ?? o.scale_ ?? o.scaler_scale;
  const variance = o.var ?? o.var_;
  if (scale === undefined && Array.isArray(variance)) scale = variance.map((v) => (typeof v === 'number' && v > 0 ? Math.sqrt(v) : v === 0 ? 1 : NaN));
  if (mean === undefined) throw new ScalerError('json', t().noMean);
  if (scale === undefined) throw new ScalerError('json', t().noScale);
  return validateScaler({ mean, scale }, featureCount, true);
}

/** (raw - mean) / scale, per feature. */
export function applyScaler(scaler: Scaler, raw: number[]): number[] {
  return raw.map((v, i) => (v - scaler.mean[i]) / scaler.scale[i]);
}

/**
 * sklearn's `StandardScaler().fit(X)`: per column the mean and the population standard deviation
 * (ddof = 0, as numpy's `X.std(axis=0)`); a constant column gets scale 1, as sklearn does.
 * Two passes in float64 (mean, then squared deviations), so it agrees with numpy to ~1e-12.
 */
export function fitStandardScaler(x: ArrayLike<number>, rows: number, features: number): Scaler {
  if (!(rows > 0) || x.length !== rows * features) throw new Error(`fitStandardScaler: ${x.length} values are not ${rows} rows of ${features}.`);
  const mean = new Array<number>(features).fill(0);
  const sq = new Array<number>(features).fill(0);
  for (let r = 0; r < rows; r++) for (let f = 0; f < features; f++) mean[f] += x[r * features + f];
  for (let f = 0; f < features; f++) mean[f] /= rows;
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < features; f++) {
      const d = x[r * features + f] - mean[f];
      sq[f] += d * d;
    }
  }
  const scale = sq.map((s) => {
    const sd = Math.sqrt(s / rows);
    return sd === 0 ? 1 : sd;
  });
  return { mean, scale };
}

/** `scaler.transform(X)` for a whole row-major table, computed in float64 and stored as float32. */
export function transformRows(scaler: Scaler, x: ArrayLike<number>, rows: number, features: number): Float32Array {
  if (scaler.mean.length !== features || x.length !== rows * features) throw new Error(`transformRows: the scaler has ${scaler.mean.length} features, the table ${features}.`);
  const out = new Float32Array(rows * features);
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < features; f++) out[r * features + f] = (x[r * features + f] - scaler.mean[f]) / scaler.scale[f];
  }
  return out;
}
