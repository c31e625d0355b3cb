/**
 * "Train on your photos": the picked folder read as image_dataset_from_directory reads it, the
 * photo CNN trained on it off the main thread (the training worker client), Stop keeping the
 * weights reached so far, and the trained model handed to the app like an opened file.
 */
import type { EpochLog, Recipe, TrainResult, WeightSnapshots, WeightTensor } from '../../models/types';
import { photoCnnRecipe } from '../../models/recipe-specs';
import { fitValidationSplit } from '../../models/data/photo-split';
import { indexImageFolder } from '../../models/data/image-folder';
import { createTrainingClient, type TrainingClient } from '../../models/train/client';
import { loadFolderDataset, type FolderDataset, type FolderEntry } from './folder-dataset';
import type { PhotoSettings } from './photo-config';
import { photoTraining } from '../../i18n/messages/photo-training';

export interface PhotoProgress {
  running: boolean;
  epoch: number;
  totalEpochs: number;
  msLeft: number | null;
  history: EpochLog[];
  stopped: boolean;
  engine: string | null;
}

/** What was found in the folder: per class its name and training / validation counts. */
export interface FolderSummary {
  classes: { name: string; train: number; validation: number }[];
  trainRows: number;
  validationRows: number;
  /** What Keras' listing holds (its "Found ... files" line): every image file, readable or not. */
  keras: { files: number; train: number; validation: number };
}

export function summarise(folder: FolderDataset, keras: FolderSummary['keras']): FolderSummary {
  const classes = folder.classNames.map((name) => ({ name, train: 0, validation: 0 }));
  const y = folder.dataset.y;
  for (let r = 0; r < folder.dataset.rows; r++) {
    if (r < folder.trainRows) classes[y[r]].train++;
    else classes[y[r]].validation++;
  }
  return { classes, trainRows: folder.trainRows, validationRows: folder.validationRows, keras };
}

/** Where the trained model goes (AppState.openTrained). */
export type ShowModel = (recipe: Recipe, weights: WeightTensor[], title: string, classNames: string[], snapshots?: WeightSnapshots) => boolean;

const readKey = (s: PhotoSettings) => `${s.height}x${s.width}|${s.seed}|${s.validationSplit}`;

export class PhotoTraining {
  entries = $state.raw<FolderEntry[]>([]);
  folder = $state.raw<FolderDataset | null>(null);
  summary = $state.raw<FolderSummary | null>(null);
  /** Images decoded so far while reading the folder. */
  decoding = $state.raw<{ done: number; total: number } | null>(null);
  progress = $state.raw<PhotoProgress>({ running: false, epoch: 0, totalEpochs: 0, msLeft: null, history: [], stopped: false, engine: null });
  /** The recipe of the last run (its Keras code is shown). */
  recipe = $state.raw<Recipe | null>(null);
  error = $state<string | null>(null);
  /** True once the last run's model is on screen. */
  shown = $state(false);
  #readFor = '';
  #reading = 0;
  #inFlight: { key: string; entries: FolderEntry[]; done: Promise<FolderDataset | null> } | null = null;
  #client: TrainingClient | null = null;
  #stop: (() => void) | null = null;

  /** A new folder: read it with `settings`. */
  async pick(entries: FolderEntry[], settings: PhotoSettings): Promise<void> {
    if (this.progress.running) return;
    this.entries = entries;
    this.folder = null;
    this.summary = null;
    this.#readFor = '';
    if (entries.length === 0) {
      this.error = photoTraining.emptyFolder;
      return;
    }
    await this.read(settings);
  }

  /** Decodes the folder for the size, seed and split (again only when one of them changed). */
  read(settings: PhotoSettings): Promise<FolderDataset | null> {
    if (this.entries.length === 0) return Promise.resolve(null);
    const key = readKey(settings);
    if (this.folder && key === this.#readFor) return Promise.resolve(this.folder);
    // The same read already under way (a pick, then the fields' debounced re-read): wait for it.
    if (this.#inFlight?.key === key && this.#inFlight.entries === this.entries) return this.#inFlight.done;
    const done = this.#read(settings, key);
    this.#inFlight = { key, entries: this.entries, done };
    return done;
  }

  async #read(settings: PhotoSettings, key: string): Promise<FolderDataset | null> {
    const reading = ++this.#reading;
    this.error = null;
    this.decoding = { done: 0, total: this.entries.length };
    try {
      const folder = await loadFolderDataset(
        this.entries, { height: settings.height, width: settings.width }, settings.seed, settings.validationSplit,
        (done, total) => {
          if (reading === this.#reading) this.decoding = { done, total };
        },
      );
      if (reading !== this.#reading) return null;
      const index = indexImageFolder(this.entries, settings.seed, settings.validationSplit);
      const keras = { files: index.training.length + index.validation.length, train: index.training.length, validation: index.validation.length };
      this.folder = folder;
      this.summary = summarise(folder, keras);
      this.#readFor = key;
      return folder;
    } catch (e) {
      if (reading === this.#reading) {
        this.folder = null;
        this.summary = null;
        this.error = (e as Error).message;
      }
      return null;
    } finally {
      if (reading === this.#reading) {
        this.decoding = null;
        this.#inFlight = null;
      }
    }
  }

  async train(settings: PhotoSettings, show: ShowModel): Promise<void> {
    if (this.progress.running) return;
    const folder = await this.read(settings);
    if (!folder) {
      this.error ??= photoTraining.pickFirst;
      return;
    }
    if (folder.trainRows < 1 || folder.validationRows < 1) {
      this.error = photoTraining.needBoth(folder.trainRows, folder.validationRows);
      return;
    }
    let recipe: Recipe;
    try {
      recipe = photoCnnRecipe(settings.height, settings.width, folder.classNames.length, {
        epochs: settings.epochs, learningRate: settings.learningRate, batchSize: 32, validationSplit: settings.validationSplit, seed: settings.seed,
      });
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    this.error = null;
    this.recipe = recipe;
    this.shown = false;
    const config = {
      epochs: settings.epochs, learningRate: settings.learningRate, batchSize: 32, seed: settings.seed,
      // The fit loop validates on the last rows: exactly the folder's validation files.
      validationSplit: fitValidationSplit(folder.trainRows, folder.validationRows),
    };
    const startedAt = performance.now();
    this.progress = { running: true, epoch: 0, totalEpochs: settings.epochs, msLeft: null, history: [], stopped: false, engine: null };
    this.#client ??= createTrainingClient();
    const run = this.#client.startTraining(recipe, folder.dataset, config, (logs) => {
      const history = [...this.progress.history, ...logs];
      const epoch = history.length;
      const elapsed = performance.now() - startedAt;
      this.progress = { ...this.progress, history, epoch, msLeft: (elapsed / epoch) * (settings.epochs - epoch) };
    }, { keepWeights: true });
    this.#stop = run.stop;
    let result: TrainResult;
    try {
      result = await run.done;
    } catch (e) {
      this.progress = { ...this.progress, running: false };
      this.error = photoTraining.failed((e as Error).message);
      return;
    } finally {
      this.#stop = null;
    }
    this.progress = {
      ...this.progress, running: false, history: result.history, epoch: result.history.length, msLeft: 0,
      stopped: result.stopped, engine: result.engine,
    };
    const title = photoTraining.title(folder.classNames.join(', '));
    // With the weights' history: the epoch slider scrubs the photo model through its training too.
    this.shown = show(recipe, result.weights, title, folder.classNames, result.snapshots);
  }

  stop(): void {
    this.#stop?.();
  }

  dispose(): void {
    this.#client?.dispose();
    this.#client = null;
  }
}
