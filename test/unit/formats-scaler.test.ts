import { describe, expect, it } from 'vitest';
import { applyScaler, parseNumberList, parseScalerFields, parseScalerJson, ScalerError } from '../../src/models/scaler';

function err(fn: () => unknown): ScalerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScalerError) return e;
    throw e;
  }
  throw new Error('expected a ScalerError');
}

describe('scaler parsing', () => {
  it('reads comma, space, bracketed and German semicolon lists', () => {
    expect(parseNumberList('5.8, 3.06, 3.7, 1.2', 'mean')).toEqual([5.8, 3.06, 3.7, 1.2]);
    expect(parseNumberList(' 5.8 3.06\t3.7 1.2 ', 'mean')).toEqual([5.8, 3.06, 3.7, 1.2]);
    expect(parseNumberList('[1e-3, -2]', 'scale')).toEqual([0.001, -2]);
    expect(parseNumberList('5,8; 3,06; 3,7; 1,2', 'mean')).toEqual([5.8, 3.06, 3.7, 1.2]);
  });

  it('names the field and the bad value', () => {
    const e = err(() => parseScalerFields('1, 2, x, 4', '1, 1, 1, 1', 4));
    expect(e.field).toBe('mean');
    expect(e.message).toContain('value 3 ("x")');
    const z = err(() => parseScalerFields('1, 2, 3, 4', '1, 0, 1, 1', 4));
    expect(z.field).toBe('scale');
    expect(z.message).toContain('value 2 is 0');
    const n = err(() => parseScalerFields('1, 2, 3', '1, 1, 1, 1', 4));
    expect(n.field).toBe('mean');
    expect(n.message).toContain('4 input features, but 3 values');
    expect(err(() => parseScalerFields('', '1', 1)).field).toBe('mean');
  });

  it('reads our JSON, sklearn attribute names and var_', () => {
    expect(parseScalerJson('{"mean":[1,2],"scale":[3,4]}', 2)).toEqual({ mean: [1, 2], scale: [3, 4] });
    expect(parseScalerJson('{"mean_":[1,2],"scale_":[3,4],"n_features_in_":2}', 2)).toEqual({ mean: [1, 2], scale: [3, 4] });
    expect(parseScalerJson('{"mean_":[1,2],"var_":[9,16]}', 2)).toEqual({ mean: [1, 2], scale: [3, 4] });
  });

  it('explains bad JSON', () => {
    expect(err(() => parseScalerJson('{"mean":[1,2]', 2)).message).toContain('not valid JSON');
    expect(err(() => parseScalerJson('{"scale":[1,2]}', 2)).message).toContain('no "mean"');
    expect(err(() => parseScalerJson('{"mean":[1,2],"scale":[1,null]}', 2)).message).toContain('value 2 (null)');
    expect(err(() => parseScalerJson('[1,2]', 2)).field).toBe('json');
  });

  it('applies (raw - mean) / scale', () => {
    expect(applyScaler({ mean: [1, 2], scale: [2, 4] }, [3, 10])).toEqual([1, 2]);
  });
});
