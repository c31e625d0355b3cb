/**
 * Photos as Keras prepares them: Pillow's NEAREST (load_img), TensorFlow's bilinear
 * (image_dataset_from_directory), alpha dropped, file headers sniffed, a sigmoid read as two classes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixtures } from '../fixtures';
import { tf } from '../../src/models/tf';
import { openModelFiles } from '../../src/models/formats';
import {
  dropAlpha, photoInputSize, photoTensor, pillowNearestIndices, readClasses, resizeBilinear, resizeNearest,
  sniffImage, toGrey, undecodableMessage, type PixelImage,
} from '../../src/inspector/photo';

/** A grey ramp image whose pixel (x, y) has value f(x, y) in every channel. */
function image(w: number, h: number, c: number, f: (x: number, y: number, k: number) => number): PixelImage {
  const data = new Uint8Array(w * h * c);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) data[(y * w + x) * c + k] = f(x, y, k);
  return { width: w, height: h, channels: c, data };
}

describe('Pillow NEAREST (Keras load_img)', () => {
  it('picks the source pixel under each output pixel centre, as Pillow does', () => {
    // Pillow: x0 = scale/2, then + scale: 4 -> 2 takes the second of each pair (1, 3), not the first.
    expect(Array.from(pillowNearestIndices(4, 2))).toEqual([1, 3]);
    // 4 -> 3: scale 4/3; centres at 0.667, 2.0, 3.33 -> 0, 2, 3
    expect(Array.from(pillowNearestIndices(4, 3))).toEqual([0, 2, 3]);
    // 2 -> 5 (upsampling): 0.2, 0.6, 1.0, 1.4, 1.8 -> 0, 0, 1, 1, 1
    expect(Array.from(pillowNearestIndices(2, 5))).toEqual([0, 0, 1, 1, 1]);
    // 500 -> 150 (the cat photo's width into a 150 model): x = floor((i + 0.5) * 10/3)
    const idx = pillowNearestIndices(500, 150);
    expect(idx[0]).toBe(1);
    expect(idx[1]).toBe(5);
    expect(idx[149]).toBe(498);
    // same size: the identity
    expect(Array.from(pillowNearestIndices(5, 5))).toEqual([0, 1, 2, 3, 4]);
  });

  it("accumulates the position in double precision exactly as Pillow's C loop", () => {
    // 10 -> 3: scale 3.333..., positions 1.67, 5.0, 8.33. Pillow: 1, 5, 8.
    expect(Array.from(pillowNearestIndices(10, 3))).toEqual([1, 5, 8]);
    // 6 -> 4: scale 1.5: 0.75, 2.25, 3.75, 5.25 -> 0, 2, 3, 5
    expect(Array.from(pillowNearestIndices(6, 4))).toEqual([0, 2, 3, 5]);
  });

  it('copies whole pixels (all channels) and keeps integers', () => {
    const src = image(4, 4, 3, (x, y, k) => 10 * y + x + 100 * k);
    const out = resizeNearest(src, 2, 2);
    // rows 1, 3 and columns 1, 3
    expect(Array.from(out.data)).toEqual([11, 111, 211, 13, 113, 213, 31, 131, 231, 33, 133, 233]);
    expect(out.width).toBe(2);
    expect(out.channels).toBe(3);
  });

  it('squeezes without cropping: a 6 x 2 image into 3 x 3 uses the whole width', () => {
    const src = image(6, 2, 1, (x, y) => x + 10 * y);
    const out = resizeNearest(src, 3, 3);
    // columns 1, 3, 5; rows from 2 -> 3: 0, 1, 1
    expect(Array.from(out.data)).toEqual([1, 3, 5, 11, 13, 15, 11, 13, 15]);
  });
});

describe('tf.image.resize bilinear (image_dataset_from_directory)', () => {
  it('uses half-pixel centres without antialias: 4 -> 2 averages the middle pairs', () => {
    const src = image(4, 1, 1, (x) => [0, 10, 20, 30][x]);
    const out = resizeBilinear(src, 2, 1);
    // positions (i + 0.5) * 2 - 0.5 = 0.5, 2.5 -> 5, 25
    expect(Array.from(out.data)).toEqual([5, 25]);
  });

  it('upsampling clamps at the edges: 2 -> 4 gives 0, 2.5, 7.5, 10', () => {
    const src = image(2, 1, 1, (x) => [0, 10][x]);
    expect(Array.from(resizeBilinear(src, 4, 1).data)).toEqual([0, 2.5, 7.5, 10]);
  });

  it('gives float values, not bytes', () => {
    const src = image(3, 1, 1, (x) => [0, 1, 0][x]);
    const v = Array.from(resizeBilinear(src, 2, 1).data);
    expect(v[0]).toBeCloseTo(0.25, 6);
    expect(Number.isInteger(v[0])).toBe(false);
  });

  it('matches tfjs resizeBilinear(halfPixelCenters) on odd sizes and colour images', () => {
    const cases: [number, number, number, number][] = [[37, 23, 11, 7], [7, 5, 19, 13], [150, 150, 64, 64], [500, 399, 150, 150]];
    for (const [w, h, ow, oh] of cases) {
      const src = image(w, h, 3, (x, y, k) => (x * 7 + y * 13 + k * 101 + ((x * y) % 17)) % 256);
      const ours = resizeBilinear(src, ow, oh).data;
      const theirs = tf.tidy(() =>
        tf.image.resizeBilinear(tf.tensor4d(Float32Array.from(src.data), [1, h, w, 3]), [oh, ow], false, true).dataSync(),
      );
      let m = 0;
      for (let i = 0; i < ours.length; i++) m = Math.max(m, Math.abs(ours[i] - theirs[i]));
      // TensorFlow (and we) place the sample in float32; tfjs in float64: on a 500 px axis the
      // positions differ by ~3e-5 px, i.e. < 0.02 of a grey level. Both are far below one level.
      expect(m, `${w}x${h} -> ${ow}x${oh}`).toBeLessThan(0.02);
    }
  });
});

describe('photo tensors', () => {
  it('drops alpha and keeps the colour under it', () => {
    const rgb = dropAlpha([1, 2, 3, 0, 4, 5, 6, 128], 2, 1);
    expect(Array.from(rgb.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => dropAlpha([1, 2, 3], 1, 1)).toThrow(/4 RGBA bytes/);
  });

  it('is [1, h, w, 3] of 0..255 values, the method decides the pixels', () => {
    const src = image(4, 4, 3, (x, y, k) => 10 * y + x + 100 * k);
    const n = photoTensor(src, 2, 2, 3, 'nearest');
    expect(n.shape).toEqual([1, 2, 2, 3]);
    expect(Array.from(n.values.subarray(0, 3))).toEqual([11, 111, 211]);
    const b = photoTensor(src, 2, 2, 3, 'bilinear');
    expect(Array.from(b.values.subarray(0, 3))).toEqual([5.5, 105.5, 205.5]);
  });

  it('grey models get Pillow\'s "L" luma before resizing', () => {
    const g = toGrey(image(1, 1, 3, (_x, _y, k) => [255, 0, 0][k]));
    expect(g.data[0]).toBe(76); // 255 * 0.299 = 76.2
    expect(toGrey(image(1, 1, 3, () => 200)).data[0]).toBe(200);
    expect(photoTensor(image(2, 2, 3, () => 90), 1, 1, 1, 'nearest').shape).toEqual([1, 1, 1, 1]);
  });

  it('knows an image input shape', () => {
    expect(photoInputSize([null, 150, 150, 3])).toEqual({ height: 150, width: 150, channels: 3 });
    expect(photoInputSize([null, 28, 28, 1])).toEqual({ height: 28, width: 28, channels: 1 });
    expect(photoInputSize([null, 4])).toBeNull();
    expect(photoInputSize([null, 186, 1])).toBeNull();
  });
});

describe('image files', () => {
  const png = (w: number, h: number) => {
    const b = new Uint8Array(33);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, w);
    new DataView(b.buffer).setUint32(20, h);
    return b;
  };
  /** A JPEG header: SOI, an APP0 segment, then SOF0 with `components` components. */
  const jpeg = (w: number, h: number, components: number) => {
    const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const sof = [0xff, 0xc0, 0, 8 + 3 * components, 8, h >> 8, h & 255, w >> 8, w & 255, components, ...new Array(3 * components).fill(1)];
    return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
  };

  it('reads the size of PNG and JPEG files from their headers', () => {
    expect(sniffImage(png(500, 399))).toEqual({ ok: true, info: { format: 'png', width: 500, height: 399, cmyk: false } });
    expect(sniffImage(jpeg(264, 499, 3))).toEqual({ ok: true, info: { format: 'jpeg', width: 264, height: 499, cmyk: false } });
    const cmyk = sniffImage(jpeg(100, 80, 4));
    expect(cmyk.ok && cmyk.info.cmyk).toBe(true);
  });

  it('refuses empty files, non-images and huge images with a message in plain words', () => {
    const empty = sniffImage(new Uint8Array(0), 'cat.jpg');
    expect(empty).toEqual({ ok: false, message: 'cat.jpg is empty (0 bytes): it holds no image.' });
    const text = sniffImage(new TextEncoder().encode('hello, this is not a photo'), 'notes.txt');
    expect(text.ok).toBe(false);
    expect(!text.ok && text.message).toMatch(/^notes\.txt is not an image .*JPEG or PNG/);
    const wide = sniffImage(png(20_000, 100), 'wide.png');
    expect(!wide.ok && wide.message).toMatch(/wide\.png is 20,000 × 100 px, too large/);
    expect(sniffImage(png(10_000, 10)).ok).toBe(true);
    expect(sniffImage(png(0, 10)).ok).toBe(false);
  });

  it('says why a CMYK JPEG did not decode', () => {
    expect(undecodableMessage({ format: 'jpeg', width: 1, height: 1, cmyk: true }, 'x.jpg')).toMatch(/CMYK JPEG.*RGB JPEG or a PNG/);
    expect(undecodableMessage(null, 'x.jpg')).toMatch(/could not be decoded/);
  });

  const PHOTO = fixtures('images/cat.4003.jpg');
  const FIXTURE = PHOTO.dir;
  it.skipIf(!PHOTO.present)(`reads a real photo's size (cat.4003.jpg: 500 x 399)${PHOTO.skipNote}`, () => {
    const r = sniffImage(new Uint8Array(readFileSync(FIXTURE)));
    expect(r).toEqual({ ok: true, info: { format: 'jpeg', width: 500, height: 399, cmyk: false } });
  });
});

describe('reading the output as classes', () => {
  it('one sigmoid unit p is two classes: 1 - p and p, both named', () => {
    const r = readClasses([0.9949], ['cat', 'dog'], 'sigmoid');
    expect(r.classes.map((c) => c.name)).toEqual(['cat', 'dog']);
    expect(r.classes[0].p).toBeCloseTo(0.0051, 6);
    expect(r.classes[1].p).toBeCloseTo(0.9949, 6);
    expect(r.predicted).toBe(1);
    expect(r.note).toBe('One sigmoid unit: P(dog) = p = 0.9949, P(cat) = 1 − p = 0.005100.');
    expect(readClasses([0.0171], ['cat', 'dog'], 'sigmoid').predicted).toBe(0);
  });

  it('a linear unit is a score, not a probability; softmax units are probabilities; empty names get defaults', () => {
    const hinge = readClasses([2.63], ['cat', 'dog'], 'linear');
    expect(hinge.classes.every((c) => c.p === null)).toBe(true);
    expect(hinge.predicted).toBe(1);
    expect(hinge.note).toMatch(/not a probability/);
    const soft = readClasses([0.2, 0.8], ['', 'dog'], 'softmax');
    expect(soft.classes).toEqual([{ name: 'class 0', p: 0.2 }, { name: 'dog', p: 0.8 }]);
    expect(soft.predicted).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Real photo models: the class a model gives a photo resized by our functions is the reference's.
// The original JPEGs need a JPEG decoder Node lacks, so the photos come as the 256 x 256 RGB
// arrays of keras2-separable-residual/inputs_bilinear256.npy (the same four photos: two cats, two
// dogs); their pixels differ from the originals, the class must not.
const FIX = fixtures('models');

/** A uint8 NumPy array (v1 header) with its shape. */
function readUint8Npy(path: string): { shape: number[]; data: Uint8Array } {
  const buf = readFileSync(path);
  const headerLen = buf.readUInt16LE(8);
  const header = buf.subarray(10, 10 + headerLen).toString('latin1');
  expect(header).toMatch(/'descr': '\|u1'/);
  const shape = header.match(/'shape': \(([^)]*)\)/)![1].split(',').filter((s) => s.trim()).map(Number);
  return { shape, data: new Uint8Array(buf.subarray(10 + headerLen)) };
}

describe.skipIf(!FIX.present)(`real photo classifiers on our resizes${FIX.skipNote}`, () => {
  const photos = () => {
    const { shape, data } = readUint8Npy(FIX.path('keras2-separable-residual/inputs_bilinear256.npy'));
    expect(shape).toEqual([4, 256, 256, 3]);
    const n = 256 * 256 * 3;
    return Array.from({ length: 4 }, (_, i): PixelImage => ({ width: 256, height: 256, channels: 3, data: data.subarray(i * n, (i + 1) * n) }));
  };
  const open = async (dir: string, file: string) => {
    const bytes = new Uint8Array(readFileSync(FIX.path(dir, file)));
    return (await openModelFiles([{ name: file, bytes }])).model;
  };
  const predict = (model: Awaited<ReturnType<typeof open>>, inputs: Float32Array[], size: number) =>
    tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(inputs.flatMap((v) => Array.from(v, (p) => p / 255))), [inputs.length, size, size, 3]);
      return Array.from((model.predict(x) as ReturnType<typeof tf.tensor4d>).dataSync());
    });

  it('Keras 3 cat/dog 64 px (load_img NEAREST, score > 0.5 is dog): our nearest gives the reference classes', async () => {
    const ref = JSON.parse(readFileSync(FIX.path('keras3-l2-hinge-catdog64/reference_predictions.json'), 'utf8'));
    const model = await open('keras3-l2-hinge-catdog64', 'cat_dog_model.keras');
    const scores = predict(model, photos().map((p) => photoTensor(p, 64, 64, 3, 'nearest').values), 64);
    model.dispose();
    const refClasses = (ref.output as number[][]).map((o) => o[0] > 0.5);
    expect(refClasses).toEqual([false, false, true, true]);
    expect(scores.map((s) => s > 0.5)).toEqual(refClasses);
    // and not by accident: the scores are near the reference's nearest-resize scores
    scores.forEach((s, i) => expect(Math.abs(s - ref.output_by_resize.nearest[i][0])).toBeLessThan(0.8));
  });

  it('Keras 3 cat/dog 150 px with BatchNormalization (sigmoid = P(dog)): our bilinear gives the reference classes', async () => {
    const ref = JSON.parse(readFileSync(FIX.path('keras3-catdog-bn-gap/reference_predictions.json'), 'utf8'));
    const model = await open('keras3-catdog-bn-gap', 'cat_dog_model.keras');
    const p = predict(model, photos().map((ph) => photoTensor(ph, 150, 150, 3, 'bilinear').values), 150);
    model.dispose();
    const refClasses = (ref.output_by_resize.bilinear as number[][]).map((o) => o[0] > 0.5);
    expect(p.map((v) => v > 0.5)).toEqual(refClasses);
    const reading = readClasses([p[2]], ['cat', 'dog'], 'sigmoid');
    expect(reading.classes[reading.predicted].name).toBe('dog');
  });
});
