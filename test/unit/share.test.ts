import { describe, expect, it } from 'vitest';
import { courseDefaults, decodeShare, encodeShare, type ShareState } from '../../src/viz/state/share';
import { COURSES, findCourse } from '../../src/models/courses';

const iris = findCourse('iris')!;
const mnist = findCourse('mnist')!;
const irisDefaults = courseDefaults(iris);

describe('the shareable URL hash', () => {
  it('round-trips course, recipe, settings, input and step (Iris)', () => {
    const s: ShareState = {
      course: 'iris',
      recipe: 'sequential',
      settings: { epochs: 120, learningRate: 0.01, hiddenUnits: 16, seed: 7 },
      trained: true,
      input: { kind: 'values', values: [6.5, 3.1, 5, 1.7] },
      step: 3,
    };
    expect(encodeShare(s)).toBe('#course=iris&recipe=sequential&epochs=120&lr=0.01&hidden=16&seed=7&trained=1&x=6.5_3.1_5_1.7&step=3');
    expect(decodeShare(encodeShare(s))).toEqual(s);
  });

  it('round-trips an MNIST link: its recipe, its settings and a test image by index', () => {
    const s: ShareState = {
      course: 'mnist',
      recipe: 'rescaling',
      settings: { epochs: 1, learningRate: 0.001, hiddenUnits: 64, seed: 3 },
      trained: true,
      input: { kind: 'test', index: 123 },
      step: 2,
    };
    const hash = encodeShare(s);
    expect(hash).toContain('img=123');
    expect(hash).not.toContain('x=');
    expect(decodeShare(hash)).toEqual(s);
  });

  it('a drawn digit is not in the link: the course opens on its own first image', () => {
    const hash = encodeShare({ ...courseDefaults(mnist), input: null });
    expect(hash).not.toMatch(/img=|x=/);
    expect(decodeShare(hash).input).toBeNull();
  });

  it('old Iris links (no course=) open Iris with their settings, flower and step', () => {
    const d = decodeShare('#epochs=120&lr=0.01&hidden=16&seed=7&trained=1&x=6.5_3.1_5_1.7&step=3');
    expect(d).toEqual({
      course: 'iris', recipe: 'sequential', settings: { epochs: 120, learningRate: 0.01, hiddenUnits: 16, seed: 7 },
      trained: true, input: { kind: 'values', values: [6.5, 3.1, 5, 1.7] }, step: 3,
    });
  });

  it('falls back per field on malformed values', () => {
    const d = decodeShare('#epochs=abc&lr=-1&hidden=2.5&seed=9&x=1_2_NaN_4&step=-2');
    expect(d.settings).toEqual({ ...iris.defaults, seed: 9 });
    expect(d.input).toBeNull();
    expect(d.step).toBe(irisDefaults.step);
    expect(d.trained).toBe(false);
    // A row of the wrong length, an empty field, settings beyond the course's limits.
    expect(decodeShare('#x=1_2_3').input).toBeNull();
    expect(decodeShare('#x=1__3_4').input).toBeNull();
    expect(decodeShare('#epochs=100000&hidden=0&lr=').settings).toEqual(iris.defaults);
  });

  it("reads each parameter by the course's rules: MNIST ignores x=, Iris ignores img=, unknown recipes fall back", () => {
    expect(decodeShare('#course=mnist&x=1_2_3_4').input).toBeNull();
    expect(decodeShare('#course=iris&img=5').input).toBeNull();
    expect(decodeShare('#course=mnist&img=-1').input).toBeNull();
    expect(decodeShare('#course=mnist&img=1.5').input).toBeNull();
    expect(decodeShare('#course=mnist&recipe=nope').recipe).toBe(mnist.recipes[0].id);
    expect(decodeShare('#course=mnist').settings).toEqual(mnist.defaults);
    expect(decodeShare('#course=mnist&epochs=300').settings.epochs).toBe(mnist.defaults.epochs);
  });

  it('an unknown course, an empty or a foreign hash open the first course with its defaults', () => {
    expect(decodeShare('#course=chess&epochs=5')).toEqual({ ...courseDefaults(COURSES[0]), settings: { ...COURSES[0].defaults, epochs: 5 } });
    expect(decodeShare('')).toEqual(irisDefaults);
    expect(decodeShare('#%%%<script>')).toEqual(irisDefaults);
    expect(decodeShare('#course=%E0%A4%A')).toEqual(irisDefaults);
  });
});
