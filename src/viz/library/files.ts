/** Browser File objects -> FileLike (name + bytes) for the model loaders; refuses huge files before reading them. */
import type { FileLike } from '../../models/formats/file-like';
import { MAX_MODEL_BYTES } from '../../models/formats/size-limit';
import { appLibrary } from '../../i18n/messages/app-library';

export class FileReadError extends Error {}

export async function toFileLikes(files: ArrayLike<File>): Promise<FileLike[]> {
  const list = Array.from(files);
  const total = list.reduce((a, f) => a + f.size, 0);
  if (total > MAX_MODEL_BYTES) {
    throw new FileReadError(appLibrary.open.tooLarge(total / 1024 / 1024, MAX_MODEL_BYTES / 1024 / 1024));
  }
  return Promise.all(list.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
