/** Browser File objects -> FileLike (name + bytes) for the model loaders; refuses huge files before reading them. */
import { MAX_MODEL_BYTES, type FileLike } from '../../models/formats/file-like';

export class FileReadError extends Error {}

export async function toFileLikes(files: ArrayLike<File>): Promise<FileLike[]> {
  const list = Array.from(files);
  const total = list.reduce((a, f) => a + f.size, 0);
  if (total > MAX_MODEL_BYTES) {
    throw new FileReadError(`The files are ${(total / 1024 / 1024).toFixed(0)} MB together: far too large for a model to open here (at most ${MAX_MODEL_BYTES / 1024 / 1024} MB).`);
  }
  return Promise.all(list.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
