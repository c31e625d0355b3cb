/**
 * The learner's folder of photos as a training set, the way `image_dataset_from_directory(dir,
 * validation_split=..., subset="both", seed=..., image_size=(h, w))` builds it: indexed and split by
 * indexImageFolder (Keras' order and numpy's shuffle), each image decoded, its alpha dropped and
 * resized bilinearly (tf.image.resize, Keras' default `interpolation="bilinear"`, no crop, aspect
 * ratio not kept) to float32 RGB. Training rows come first, then the validation rows.
 */
import { indexImageFolder } from '../../models/data/image-folder';
import type { Dataset } from '../../models/types';
import { resizeBilinear } from '../../inspector/photo';
import { decodePhoto } from '../photo/decode';
import { photoTraining } from '../../i18n/messages/photo-training';

export interface FolderDataset {
  dataset: Dataset;
  /** Rows 0 .. trainRows-1 train, the rest validate (Keras' validation subset). */
  trainRows: number;
  validationRows: number;
  classNames: string[];
  /** Files that could not be used, with the reason in the learner's words. */
  problems: string[];
}

/** A picked or dropped file with the path inside the folder (webkitRelativePath, or the drop's path). */
export interface FolderEntry {
  path: string;
  file: File;
}

export async function loadFolderDataset(
  entries: FolderEntry[],
  size: { height: number; width: number },
  seed: number,
  validationSplit: number,
  onProgress?: (done: number, total: number) => void,
): Promise<FolderDataset> {
  const index = indexImageFolder(entries, seed, validationSplit);
  const ordered = [...index.training, ...index.validation];
  const features = size.height * size.width * 3;
  const x = new Float32Array(ordered.length * features);
  const y = new Int32Array(ordered.length);
  const problems = index.skipped.map((f) => photoTraining.skipped(f.path, f.path.split('.').pop() ?? ''));
  let row = 0;
  let trainRows = 0;
  for (let i = 0; i < ordered.length; i++) {
    const { file, label } = ordered[i];
    const decoded = await decodePhoto(file.file);
    onProgress?.(i + 1, ordered.length);
    if (!decoded.ok) {
      problems.push(`${file.path}: ${decoded.message}`);
      continue;
    }
    decoded.bitmap.close();
    const resized = resizeBilinear(decoded.image, size.width, size.height);
    x.set(resized.data, row * features);
    y[row] = label;
    row++;
    if (i < index.training.length) trainRows = row;
  }
  if (row === 0) throw new Error(photoTraining.noneRead);
  const dataset: Dataset = {
    id: 'photos',
    title: photoTraining.datasetTitle,
    x: x.subarray(0, row * features),
    y: y.subarray(0, row),
    rows: row,
    features,
    inputShape: [size.height, size.width, 3],
    featureNames: [],
    task: 'classification',
    classNames: index.classNames,
  };
  return { dataset, trainRows, validationRows: row - trainRows, classNames: index.classNames, problems };
}
