import { describe, expect, it } from 'vitest';
import { imageShapeOf, matchingImageCourse, testImage } from '../../src/viz/state/images';
import { COURSES } from '../../src/models/courses';
import type { Dataset } from '../../src/models/types';

describe('which model inputs are pictures, and whose test images fit them', () => {
  it('reads (h, w), (h, w, 1) and (h, w, 3) as pictures; tables, unknown sizes and other channel counts not', () => {
    expect(imageShapeOf([28, 28])).toEqual({ height: 28, width: 28, channels: 1 });
    expect(imageShapeOf([28, 28, 1])).toEqual({ height: 28, width: 28, channels: 1 });
    expect(imageShapeOf([150, 150, 3])).toEqual({ height: 150, width: 150, channels: 3 });
    expect(imageShapeOf([784])).toBeNull();
    expect(imageShapeOf([4])).toBeNull();
    expect(imageShapeOf([28, 28, 32])).toBeNull();
    expect(imageShapeOf([null, 28])).toBeNull();
    expect(imageShapeOf([4, 4])).toBeNull();
    expect(imageShapeOf([2, 28, 28, 1])).toBeNull();
  });

  it("finds MNIST's test images for a 28 x 28 grey model with 10 outputs, and none for others", () => {
    expect(matchingImageCourse(COURSES, { height: 28, width: 28, channels: 1 }, 10)?.id).toBe('mnist');
    expect(matchingImageCourse(COURSES, { height: 28, width: 28, channels: 1 }, 2)).toBeNull();
    expect(matchingImageCourse(COURSES, { height: 28, width: 28, channels: 3 }, 10)).toBeNull();
    expect(matchingImageCourse(COURSES, { height: 32, width: 32, channels: 1 }, 10)).toBeNull();
  });

  it('hands out one test image as plain numbers, row by row', () => {
    const x = Uint8Array.from({ length: 3 * 4 * 8 }, (_, i) => i);
    const ds: Dataset = { id: 't', title: 't', x, inputShape: [4, 8], y: new Int32Array(3), rows: 3, features: 32, featureNames: [], task: 'classification', classNames: [] };
    expect(testImage(ds, 1)).toEqual(Array.from({ length: 32 }, (_, i) => 32 + i));
  });
});
