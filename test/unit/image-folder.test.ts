/** A folder of images is read as image_dataset_from_directory reads it: numpy's shuffle reproduced bit for bit. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { indexImageFolder, NumpyRandomState } from '../../src/models/data/image-folder';

function numpy(code: string): unknown {
  return JSON.parse(execFileSync('python3', ['-c', `import json, numpy as np\n${code}`], { encoding: 'utf8' }));
}

describe("numpy's RandomState, reproduced", () => {
  it('draws the same 32-bit words as np.random.RandomState(seed)', () => {
    for (const seed of [0, 1, 1337, 123456, 4294967295]) {
      const rs = new NumpyRandomState(seed);
      const ours = Array.from({ length: 700 }, () => rs.nextUint32());
      const theirs = numpy(`rs = np.random.RandomState(${seed}); print(json.dumps([int(v) for v in rs.randint(0, 2**32, size=700, dtype=np.uint64)]))`);
      expect(ours, `seed ${seed}`).toEqual(theirs);
    }
  });

  it('shuffles a list exactly as RandomState(seed).shuffle', () => {
    for (const [seed, n] of [[1337, 10], [42, 1000], [7, 2], [123, 70000]] as const) {
      const ours = new NumpyRandomState(seed).shuffle(Array.from({ length: n }, (_, i) => i));
      const theirs = numpy(`x = list(range(${n})); np.random.RandomState(${seed}).shuffle(x); print(json.dumps(x))`);
      expect(ours, `seed ${seed}, n ${n}`).toEqual(theirs);
    }
  });
});

describe('indexImageFolder (image_dataset_from_directory)', () => {
  const files = [
    'pets/dogs/b.jpg', 'pets/dogs/a.PNG', 'pets/cats/z.jpeg', 'pets/cats/y.jpg', 'pets/cats/sub/x.jpg',
    'pets/cats/notes.txt', 'pets/.hidden/h.jpg', 'pets/birds/1.gif', 'pets/dogs/c.bmp', 'pets/cats/a.jpg',
  ].map((path) => ({ path }));

  it('class names sorted, files of each class by a sorted walk, non-images skipped, then the seeded shuffle and the split', () => {
    const r = indexImageFolder(files, 1337, 0.2);
    expect(r.classNames).toEqual(['birds', 'cats', 'dogs']);
    expect(r.skipped.map((f) => f.path)).toEqual(['pets/cats/notes.txt']);
    // Keras' order before shuffling: birds/1.gif; cats/a.jpg, cats/y.jpg, cats/z.jpeg, cats/sub/x.jpg; dogs/a.PNG, dogs/b.jpg, dogs/c.bmp
    const unshuffled = ['birds/1.gif', 'cats/a.jpg', 'cats/y.jpg', 'cats/z.jpeg', 'cats/sub/x.jpg', 'dogs/a.PNG', 'dogs/b.jpg', 'dogs/c.bmp'];
    const order = numpy(`x = ${JSON.stringify(unshuffled)}; np.random.RandomState(1337).shuffle(x); print(json.dumps(x))`) as string[];
    const all = [...r.training, ...r.validation];
    expect(all.map((e) => e.file.path.replace(/^pets\//, ''))).toEqual(order);
    expect(r.validation).toHaveLength(1); // int(0.2 * 8)
    for (const e of all) expect(r.classNames[e.label]).toBe(e.file.path.split('/')[1]);
  });

  it('says what is wrong with a folder that has no class subfolders', () => {
    expect(() => indexImageFolder([{ path: 'x/a.jpg' }, { path: 'x/b.jpg' }], 1, 0.2)).toThrow(/one subfolder per class/);
    expect(() => indexImageFolder([{ path: 'x/cats/a.txt' }, { path: 'x/dogs/b.txt' }], 1, 0.2)).toThrow(/No images/);
  });
});
