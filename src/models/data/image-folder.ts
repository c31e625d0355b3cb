/**
 * A folder of images read as Keras' `image_dataset_from_directory` reads it
 * (keras/src/utils/dataset_utils.py, index_directory and get_training_or_validation_split):
 * one subfolder per class, class names in sorted order (hidden folders skipped), each class's
 * files found by a sorted walk of its subfolder and kept when their extension is an image's; all
 * paths then shuffled with numpy's `RandomState(seed).shuffle` (reproduced here bit for bit, so the
 * same seed splits the same files as Keras) and the last `int(validation_split * n)` held out.
 */
import { modelsData } from '../../i18n/messages/models-data';

/** Keras' ALLOWLIST_FORMATS for images. */
export const IMAGE_FORMATS = ['.bmp', '.gif', '.jpeg', '.jpg', '.png'];

/**
 * numpy's legacy MT19937 (`np.random.RandomState(seed)` with an integer seed: init_genrand), and
 * its `random_interval`, the bounded integer its `shuffle` draws.
 */
export class NumpyRandomState {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(modelsData.folder.seed(seed));
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      // 1812433253 * prev + i, in 32-bit arithmetic.
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  nextUint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < 624; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
      let v = mt[(i + 397) % 624] ^ (y >>> 1);
      if (y & 1) v ^= 0x9908b0df;
      mt[i] = v >>> 0;
    }
    this.index = 0;
  }

  /** numpy's random_interval(max): a uniform integer in [0, max] by masking and rejection. */
  randomInterval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** `RandomState.shuffle` of a list, in place: for i from n-1 down to 1, swap i with random_interval(i). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.randomInterval(i);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

export interface FolderFile {
  /** Path relative to the folder the user picked, '/'-separated, e.g. "cats/cat.1.jpg". */
  path: string;
}

export interface IndexedFolder<F extends FolderFile> {
  classNames: string[];
  training: { file: F; label: number }[];
  validation: { file: F; label: number }[];
  /** Files skipped because their extension is not an image's (Keras skips them silently). */
  skipped: F[];
}

/** Python's sorted() on strings: by code point. */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Indexes files as image_dataset_from_directory(directory, validation_split, subset="both",
 * seed=seed) would. Paths may start with the picked folder's own name (a browser's
 * webkitRelativePath): a common first segment above the class folders is removed.
 */
export function indexImageFolder<F extends FolderFile>(files: F[], seed: number, validationSplit: number): IndexedFolder<F> {
  if (!(validationSplit >= 0 && validationSplit < 1)) throw new Error(modelsData.folder.validationSplit(validationSplit));
  let parts = files.map((f) => f.path.split('/').filter((p) => p !== ''));
  const firsts = new Set(parts.map((p) => p[0]));
  if (firsts.size === 1 && parts.every((p) => p.length >= 3)) parts = parts.map((p) => p.slice(1));
  const classNames = [...new Set(parts.filter((p) => p.length >= 2).map((p) => p[0]))].filter((c) => !c.startsWith('.')).sort(byCodePoint);
  if (classNames.length < 2) {
    throw new Error(classNames.length === 0 ? modelsData.folder.noClasses : modelsData.folder.oneClass(classNames[0]));
  }
  const skipped: F[] = [];
  const entries: { file: F; label: number; dir: string; name: string }[] = [];
  files.forEach((file, i) => {
    const p = parts[i];
    const label = p.length >= 2 ? classNames.indexOf(p[0]) : -1;
    const name = p[p.length - 1];
    if (label < 0) return;
    if (!IMAGE_FORMATS.some((ext) => name.toLowerCase().endsWith(ext))) {
      skipped.push(file);
      return;
    }
    entries.push({ file, label, dir: p.slice(0, -1).join('/'), name });
  });
  // Per class (in class order): walk roots sorted by path, then file names sorted.
  entries.sort((a, b) => a.label - b.label || byCodePoint(a.dir, b.dir) || byCodePoint(a.name, b.name));
  if (entries.length === 0) throw new Error(modelsData.folder.noImages(IMAGE_FORMATS.join(', ')));
  // Keras shuffles the paths and, with a fresh generator of the same seed, the labels: one permutation.
  new NumpyRandomState(seed).shuffle(entries);
  const numVal = Math.floor(validationSplit * entries.length);
  const all = entries.map(({ file, label }) => ({ file, label }));
  return {
    classNames,
    training: numVal ? all.slice(0, all.length - numVal) : all,
    validation: numVal ? all.slice(all.length - numVal) : [],
    skipped,
  };
}
