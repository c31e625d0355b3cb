import { describe, expect, it } from 'vitest';
import { COURSE_FLOWERS, featureRanges, irisSamples, loadIris } from '../../src/models/iris';

const row = (i: number) => Array.from(loadIris().x.subarray(i * 4, i * 4 + 4), (v) => Number(v.toFixed(4)));

describe('loadIris', () => {
  const ds = loadIris();

  it("has sklearn's 150 rows, 4 features and 3 classes with their names", () => {
    expect(ds.rows).toBe(150);
    expect(ds.features).toBe(4);
    expect(ds.x.length).toBe(600);
    expect(ds.task).toBe('classification');
    expect(ds.featureNames).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it("keeps load_iris order: 50 setosa, then 50 versicolor, then 50 virginica", () => {
    const y = Array.from(ds.y);
    expect(y.slice(0, 50).every((c) => c === 0)).toBe(true);
    expect(y.slice(50, 100).every((c) => c === 1)).toBe(true);
    expect(y.slice(100).every((c) => c === 2)).toBe(true);
  });

  it('has row 0 and the last row as sklearn does', () => {
    expect(row(0)).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(row(149)).toEqual([5.9, 3.0, 5.1, 1.8]);
  });

  it("has sklearn's corrected rows 35 and 38 (indices 34 and 37), not the UCI originals", () => {
    expect(row(34)).toEqual([4.9, 3.1, 1.5, 0.2]); // UCI: 4.9, 3.1, 1.5, 0.1
    expect(row(37)).toEqual([4.9, 3.6, 1.4, 0.1]); // UCI: 4.9, 3.1, 1.5, 0.1
  });
});

describe('featureRanges', () => {
  it('gives min and max per feature', () => {
    const r = featureRanges(loadIris()).map(({ min, max }) => [Number(min.toFixed(4)), Number(max.toFixed(4))]);
    expect(r).toEqual([
      [4.3, 7.9],
      [2.0, 4.4],
      [1.0, 6.9],
      [0.1, 2.5],
    ]);
  });
});

describe('irisSamples and COURSE_FLOWERS', () => {
  it('gives one real row per species with exact decimals', () => {
    expect(irisSamples()).toEqual([
      { className: 'setosa', row: 0, values: [5.1, 3.5, 1.4, 0.2] },
      { className: 'versicolor', row: 50, values: [7.0, 3.2, 4.7, 1.4] },
      { className: 'virginica', row: 100, values: [6.3, 3.3, 6.0, 2.5] },
    ]);
  });

  it("holds the course's three flowers", () => {
    expect(COURSE_FLOWERS).toEqual([
      [5.3, 3.4, 1.9, 0.6],
      [6.0, 3.0, 4.7, 1.5],
      [6.5, 3.1, 5.0, 1.7],
    ]);
  });
});
