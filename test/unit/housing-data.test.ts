/**
 * The shipped California housing data: scikit-learn's eight features and target, in its row
 * order, derived bit for bit; the StandardScaler fitted on all rows against numpy.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixtures } from '../fixtures';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { HOUSING_FEATURES, HOUSING_ROWS, loadHousing, medianDistrict, parseHousing, housingRow } from '../../src/models/data/housing';
import { fitStandardScaler, transformRows } from '../../src/models/scaler';
import { splitRows } from '../../src/models/train/split';

const BIN = join(__dirname, '../../static/data/cal_housing.bin');
const CSV_FIX = fixtures('data/cal_housing.csv');
const CSV = CSV_FIX.dir;
const HAVE_CSV = CSV_FIX.present;
const data = parseHousing(readFileSync(BIN));

/** scikit-learn's fetch_california_housing derivation (sklearn/datasets/_california_housing.py), on the CSV. */
const SKLEARN = `
import json, sys
import numpy as np
d = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
c = d[:, [8, 7, 2, 3, 4, 5, 6, 1, 0]]
target = c[:, 0] / 100000.0
X = c[:, 1:].copy()
X[:, 2] /= X[:, 5]
X[:, 3] /= X[:, 5]
X[:, 5] = X[:, 4] / X[:, 5]
print(json.dumps({
  "mean": X.mean(axis=0).tolist(), "std": X.std(axis=0).tolist(),
  "rows": [X[i].tolist() for i in (0, 1, 8881, 15479, 15480, 20639)],
  "y": [target[i] for i in (0, 1, 8881, 15479, 15480, 20639)],
  "x_sum": float(np.abs(X).sum()), "y_sum": float(target.sum()),
}))
`;

describe('California housing, as shipped', () => {
  it('has 20,640 rows of 8 features, named with units', () => {
    expect(data.dataset.rows).toBe(HOUSING_ROWS);
    expect(data.dataset.features).toBe(8);
    expect(data.dataset.task).toBe('regression');
    expect(HOUSING_FEATURES.map((f) => f.key)).toEqual(['MedInc', 'HouseAge', 'AveRooms', 'AveBedrms', 'Population', 'AveOccup', 'Latitude', 'Longitude']);
    expect(data.dataset.featureNames[0]).toMatch(/\$10,000s/);
    expect(data.dataset.featureNames[7]).toMatch(/negative = west/);
  });

  it("row 0 reads as the fixture README says: 8.3252, 41, 6.984, 1.024, 322, 2.556, 37.88, -122.23 -> 4.526", () => {
    const r0 = housingRow(data, 0);
    [8.3252, 41, 6.984, 1.024, 322, 2.556, 37.88, -122.23].forEach((v, i) => expect(r0[i]).toBeCloseTo(v, 3));
    expect(r0[2]).toBe(880 / 126);
    expect(data.y64[0]).toBe(4.526);
  });

  it('row 20,639 (the last) is the census row -121.24, 39.37, 16, 2785, 616, 1387, 530, 2.3886, 89400 derived', () => {
    const r = housingRow(data, 20639);
    expect(r).toEqual([2.3886, 16, 2785 / 530, 616 / 530, 1387, 1387 / 530, 39.37, -121.24]);
    expect(data.y64[20639]).toBe(0.894);
  });

  it('validation_split=0.25 leaves rows 15,480 .. 20,639 (5,160 rows) for validation', () => {
    expect(splitRows(data.dataset.rows, 0.25)).toEqual({ trainRows: 15480, valRows: 5160 });
  });

  it('the median district holds each feature\'s median', () => {
    const m = medianDistrict(data.dataset);
    expect(m[0]).toBeCloseTo(3.5348, 4);
    expect(m[6]).toBeCloseTo(34.26, 2);
    expect(m[7]).toBeCloseTo(-118.49, 2);
  });

  it('loads lazily through a fetcher, once, and says so when the file is wrong', async () => {
    let calls = 0;
    const bytes = readFileSync(BIN);
    const fetcher = async (path: string) => {
      calls++;
      expect(path).toBe('data/cal_housing.bin');
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    };
    const [a, b] = await Promise.all([loadHousing(fetcher), loadHousing(fetcher)]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    expect(() => parseHousing(new Uint8Array(100))).toThrow(/header/);
    expect(() => parseHousing(bytes.subarray(0, 1000))).toThrow(/truncated/);
  });
});

describe.skipIf(!HAVE_CSV)(`against scikit-learn's derivation in numpy${CSV_FIX.skipNote}`, () => {
  const py = HAVE_CSV ? JSON.parse(execFileSync('python3', ['-c', SKLEARN, CSV], { encoding: 'utf8' })) : null;

  it('rows and targets equal numpy float64 bit for bit', () => {
    [0, 1, 8881, 15479, 15480, 20639].forEach((r, i) => {
      expect(housingRow(data, r)).toEqual(py.rows[i]);
      expect(data.y64[r]).toBe(py.y[i]);
    });
    let xs = 0;
    for (const v of data.x64) xs += Math.abs(v);
    let ys = 0;
    for (const v of data.y64) ys += v;
    expect(xs / py.x_sum).toBeCloseTo(1, 12);
    expect(ys / py.y_sum).toBeCloseTo(1, 12);
  });

  it('StandardScaler().fit(housing.data): mean and scale as numpy computes them', () => {
    const s = fitStandardScaler(data.x64, data.dataset.rows, 8);
    s.mean.forEach((m, i) => expect(Math.abs(m - py.mean[i])).toBeLessThan(1e-10 * Math.max(1, Math.abs(py.mean[i]))));
    s.scale.forEach((v, i) => expect(Math.abs(v - py.std[i])).toBeLessThan(1e-10 * Math.max(1, py.std[i])));
    const scaled = transformRows(s, data.x64, data.dataset.rows, 8);
    for (let f = 0; f < 8; f++) {
      let sum = 0;
      for (let r = 0; r < data.dataset.rows; r++) sum += scaled[r * 8 + f];
      expect(Math.abs(sum / data.dataset.rows)).toBeLessThan(1e-6);
    }
  });
});
