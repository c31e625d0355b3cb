/** A folder of generated PNGs becomes a training set in Chromium: Keras' class order, split and bilinear resize. */
import { describe, expect, it } from 'vitest';
import { loadFolderDataset, type FolderEntry } from '../../src/viz/training/folder-dataset';
import { indexImageFolder } from '../../src/models/data/image-folder';

async function pngFile(name: string, w: number, h: number, rgb: [number, number, number]): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = `rgb(${rgb.join(',')})`;
  ctx.fillRect(0, 0, w, h);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

describe('loadFolderDataset', () => {
  it('reads two classes of photos of any size into float32 RGB rows, training rows first', async () => {
    const entries: FolderEntry[] = [];
    for (let i = 0; i < 6; i++) entries.push({ path: `shapes/red/r${i}.png`, file: await pngFile(`r${i}.png`, 30 + i, 20, [250, 10, 10]) });
    for (let i = 0; i < 4; i++) entries.push({ path: `shapes/blue/b${i}.png`, file: await pngFile(`b${i}.png`, 17, 41 + i, [10, 10, 250]) });
    entries.push({ path: 'shapes/blue/readme.txt', file: new File(['hello'], 'readme.txt') });
    entries.push({ path: 'shapes/red/broken.png', file: new File([new Uint8Array([1, 2, 3])], 'broken.png') });
    const progress: number[] = [];
    const r = await loadFolderDataset(entries, { height: 8, width: 8 }, 1337, 0.2, (done) => progress.push(done));
    expect(r.classNames).toEqual(['blue', 'red']);
    expect(r.dataset.rows).toBe(10);
    expect(r.dataset.inputShape).toEqual([8, 8, 3]);
    expect(r.dataset.x).toBeInstanceOf(Float32Array);
    expect(r.problems).toHaveLength(2);
    expect(r.problems.join('\n')).toMatch(/readme\.txt: not an image/);
    expect(r.problems.join('\n')).toMatch(/broken\.png/);
    expect(progress.at(-1)).toBe(11);
    // The same order as Keras' index (the broken file takes no row).
    const index = indexImageFolder(entries, 1337, 0.2);
    const expectedLabels = [...index.training, ...index.validation].filter((e) => !e.file.path.endsWith('broken.png')).map((e) => e.label);
    expect(Array.from(r.dataset.y)).toEqual(expectedLabels);
    expect(r.trainRows + r.validationRows).toBe(10);
    expect(r.validationRows).toBe(index.validation.filter((e) => !e.file.path.endsWith('broken.png')).length);
    // Every row is a flat colour: red rows are (250, 10, 10), blue (10, 10, 250).
    for (let row = 0; row < 10; row++) {
      const px = Array.from(r.dataset.x.subarray(row * 192, row * 192 + 3));
      expect(px).toEqual(r.dataset.y[row] === 1 ? [250, 10, 10] : [10, 10, 250]);
    }
  });

  it('says so when no image can be read', async () => {
    const entries: FolderEntry[] = [
      { path: 'x/a/1.png', file: new File([new Uint8Array([0])], '1.png') },
      { path: 'x/b/2.png', file: new File([new Uint8Array([0])], '2.png') },
    ];
    await expect(loadFolderDataset(entries, { height: 8, width: 8 }, 1, 0.2)).rejects.toThrow(/None of the images/);
  });
});
