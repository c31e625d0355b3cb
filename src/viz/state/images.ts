/**
 * Image inputs, whatever the course: which model input shapes are pictures, which course's test
 * images fit a model, and one test image as the flat list of numbers the trace takes.
 */
import type { Course } from '../../models/courses';
import type { Dataset } from '../../models/types';

export interface ImageShape {
  height: number;
  width: number;
  channels: number;
}

/** Smallest side still treated as a picture (a 4x4 input is more likely a table). */
const MIN_SIDE = 8;

/**
 * The picture a model's input shape (without the batch axis) describes: (h, w) is one grey
 * channel, (h, w, 1) grey, (h, w, 3) colour; anything else is not a picture.
 */
export function imageShapeOf(shape: readonly (number | null)[]): ImageShape | null {
  if (shape.some((d) => d == null || d < 1)) return null;
  const [height, width, channels = 1] = shape as number[];
  if (shape.length !== 2 && shape.length !== 3) return null;
  if (height < MIN_SIDE || width < MIN_SIDE || (channels !== 1 && channels !== 3)) return null;
  return { height, width, channels };
}

/** The first image course whose pictures have this shape and whose classes match the outputs. */
export function matchingImageCourse(courses: readonly Course[], shape: ImageShape, outputs: number): Course | null {
  return courses.find((c) => c.input.kind === 'image' && c.input.height === shape.height
    && c.input.width === shape.width && c.input.channels === shape.channels
    && c.output.kind === 'classes' && c.output.classNames.length === outputs) ?? null;
}

/** Row `index` of an image data set as plain numbers (raw pixel values, row by row). */
export function testImage(data: Dataset, index: number): number[] {
  const n = data.features;
  return Array.from(data.x.subarray(index * n, (index + 1) * n));
}
