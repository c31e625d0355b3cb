/**
 * A folder the learner picked (`<input type=file webkitdirectory>`: each File's webkitRelativePath)
 * or dropped (DataTransferItem.webkitGetAsEntry, walked folder by folder) as path + file pairs.
 */
import type { FolderEntry } from './folder-dataset';

/** Files of a webkitdirectory input, with the path inside the picked folder ("photos/cats/1.jpg"). */
export function entriesFromFiles(files: Iterable<File>): FolderEntry[] {
  return [...files].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** The picked or dropped folder's own name (the common first path segment), or null. */
export function folderName(entries: FolderEntry[]): string | null {
  const firsts = new Set(entries.map((e) => e.path.split('/')[0]));
  return firsts.size === 1 && entries.every((e) => e.path.includes('/')) ? [...firsts][0] : null;
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntryLike extends Entry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirEntryLike extends Entry {
  createReader(): { readEntries(ok: (es: Entry[]) => void, fail: (e: unknown) => void): void };
}

/** Every file under the dropped items (folders walked; readEntries answers in chunks until empty). */
export async function entriesFromDrop(items: DataTransferItemList): Promise<FolderEntry[]> {
  const roots: Entry[] = [];
  for (const item of Array.from(items)) {
    const entry = item.kind === 'file' ? (item.webkitGetAsEntry() as Entry | null) : null;
    if (entry) roots.push(entry);
  }
  const out: FolderEntry[] = [];
  const walk = async (entry: Entry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileEntryLike).file(ok, fail));
      out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory) {
      const reader = (entry as DirEntryLike).createReader();
      for (;;) {
        const chunk = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (chunk.length === 0) break;
        for (const child of chunk) await walk(child);
      }
    }
  };
  for (const root of roots) await walk(root);
  return out;
}
