/**
 * A dropped folder walked the way Chromium hands it over (DataTransferItem.webkitGetAsEntry:
 * directory readers that answer in chunks until an empty one), and a webkitdirectory pick's paths.
 */
import { describe, expect, it } from 'vitest';
import { entriesFromDrop, entriesFromFiles, folderName } from '../../src/viz/training/folder-entries';

type Fake = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string; [k: string]: unknown };

function fileEntry(fullPath: string): Fake {
  const name = fullPath.split('/').pop()!;
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => setTimeout(() => ok(new File([name], name))) };
}

/** A directory whose reader answers `chunk` entries per call (Chromium: up to 100), then []. */
function dirEntry(fullPath: string, children: Fake[], chunk = 2): Fake {
  return {
    isFile: false, isDirectory: true, name: fullPath.split('/').pop()!, fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (es: Fake[]) => void) => setTimeout(() => {
          const part = children.slice(at, at + chunk);
          at += chunk;
          ok(part);
        }),
      };
    },
  };
}

describe('folder entries', () => {
  it('walks a dropped folder through every chunk of every subfolder, with paths inside the drop', async () => {
    const cats = ['a', 'b', 'c', 'd', 'e'].map((n) => fileEntry(`/pets/cats/${n}.jpg`));
    const dogs = [fileEntry('/pets/dogs/x.png'), dirEntry('/pets/dogs/more', [fileEntry('/pets/dogs/more/y.png')])];
    const root = dirEntry('/pets', [dirEntry('/pets/cats', cats), dirEntry('/pets/dogs', dogs)]);
    const items = [
      { kind: 'file', webkitGetAsEntry: () => root },
      { kind: 'string', webkitGetAsEntry: () => null },
    ] as unknown as DataTransferItemList;
    const entries = await entriesFromDrop(items);
    expect(entries.map((e) => e.path)).toEqual([
      'pets/cats/a.jpg', 'pets/cats/b.jpg', 'pets/cats/c.jpg', 'pets/cats/d.jpg', 'pets/cats/e.jpg',
      'pets/dogs/x.png', 'pets/dogs/more/y.png',
    ]);
    expect(entries[0].file.name).toBe('a.jpg');
    expect(folderName(entries)).toBe('pets');
  });

  it('takes a pick\'s webkitRelativePath and names the picked folder', () => {
    const f = (path: string) => Object.defineProperty(new File(['1'], path.split('/').pop()!), 'webkitRelativePath', { value: path });
    const entries = entriesFromFiles([f('shots/a/1.png'), f('shots/b/2.png')]);
    expect(entries.map((e) => e.path)).toEqual(['shots/a/1.png', 'shots/b/2.png']);
    expect(folderName(entries)).toBe('shots');
    expect(folderName([...entries, { path: 'loose.png', file: new File([], 'loose.png') }])).toBeNull();
  });
});
