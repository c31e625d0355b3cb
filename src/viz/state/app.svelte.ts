/**
 * The app's state in one typed place (Svelte 5 runes). Components read it and call its methods;
 * nothing else holds mutable state. One Trace feeds every view, so views and exports agree.
 */
import { loadIris, featureRanges } from '../../models/iris';
import { irisRecipe, buildModel, initialWeights, getWeights, IRIS_COURSE_CONFIG } from '../../models/recipes';
import { createTrainingClient } from '../../models/train/client';
import { initInferenceBackend } from '../../models/backend';
import { diagnose, validationMix, type Diagnosis, type ValidationMix } from '../../models/diagnostics';
import { createTracer, type Tracer } from '../../inspector/trace';
import type { Trace } from '../../inspector/types';
import { openModelFiles, type FileLike } from '../../models/formats';
import type { Dataset, EpochLog, ModelBundle, Recipe, Scaler, TrainConfig, WeightTensor } from '../../models/types';
import { COURSE_SETTINGS, type ShareState, type TrainSettings } from './share';

export const COURSE_INPUT = [5.3, 3.4, 1.9, 0.6];

export interface TrainingProgress {
  running: boolean;
  epoch: number;
  totalEpochs: number;
  startedAt: number;
  msLeft: number | null;
  history: EpochLog[];
  engine: string | null;
  stopped: boolean;
}

export type ModelSource = { kind: 'course'; trained: boolean; settings: TrainSettings } | { kind: 'file' };

export class AppState {
  readonly dataset: Dataset = loadIris();
  settings = $state<TrainSettings>({ ...COURSE_SETTINGS });
  bundle = $state.raw<ModelBundle | null>(null);
  source = $state.raw<ModelSource>({ kind: 'course', trained: false, settings: COURSE_SETTINGS });
  input = $state.raw<number[]>([...COURSE_INPUT]);
  /** True while a field holds an invalid value: the trace on screen belongs to the last good input. */
  stale = $state(false);
  trace = $state.raw<Trace | null>(null);
  /** The stepper position: 0 = values_0, k = layer_{k-1} (starts on layer_0). */
  step = $state(1);
  progress = $state.raw<TrainingProgress>({
    running: false, epoch: 0, totalEpochs: COURSE_SETTINGS.epochs, startedAt: 0, msLeft: null,
    history: [], engine: null, stopped: false,
  });
  diagnosis = $state.raw<Diagnosis | null>(null);
  readonly validation: ValidationMix = validationMix(this.dataset, IRIS_COURSE_CONFIG.validationSplit);
  backend = $state('');
  error = $state<string | null>(null);
  #stop: (() => void) | null = null;
  /** One training worker for every run, so only the first run pays its start-up. */
  readonly #trainer = createTrainingClient();
  /** Planned once per model; runs one input through it. */
  #tracer: Tracer | null = null;
  /** The course model's latest weights, to come back to after looking at a file's model. */
  #courseWeights: { weights: WeightTensor[]; settings: TrainSettings; trained: boolean } | null = null;
  /** Bumped whenever another model is shown, so a training run that ends later does not replace it. */
  #generation = 0;

  /** Sets up the backend and the untrained course model (random initial weights from the seed). */
  async init(shared: ShareState | null): Promise<void> {
    this.backend = await initInferenceBackend();
    if (shared) {
      this.settings = { ...shared.settings };
      this.input = [...shared.input];
    }
    this.#showCourse(initialWeights(this.recipe, this.settings.seed), false);
    if (shared) this.selectStep(shared.step);
    if (shared?.trained) await this.train();
  }

  get recipe(): Recipe {
    return irisRecipe(this.settings.hiddenUnits);
  }

  /** Stepper positions: 0 shows values_0 (the input), k >= 1 shows layer_{k-1}. */
  get positionCount(): number {
    return this.trace ? this.trace.steps.length + 1 : 1;
  }

  selectStep(position: number): void {
    this.step = Math.max(0, Math.min(this.positionCount - 1, Math.round(position)));
  }

  /** A valid input from the form: trace at once. */
  setInput(values: number[]): void {
    this.input = values;
    this.stale = false;
    this.retrace();
  }

  /** The form holds an invalid value: keep the last good trace on screen, marked stale. */
  markStale(): void {
    this.stale = true;
  }

  retrace(): void {
    if (!this.bundle || !this.#tracer) return;
    try {
      this.trace = this.#tracer(this.input, this.bundle.info.scaler);
      this.error = null;
    } catch (e) {
      this.stale = true;
      this.error = `This model could not be run on the input: ${(e as Error).message}`;
    }
  }

  async train(settings: TrainSettings = this.settings): Promise<void> {
    if (this.progress.running) return;
    this.settings = { ...settings };
    const recipe = this.recipe;
    const config: TrainConfig = {
      ...IRIS_COURSE_CONFIG,
      epochs: settings.epochs, learningRate: settings.learningRate, seed: settings.seed,
    };
    const startedAt = performance.now();
    this.progress = { running: true, epoch: 0, totalEpochs: settings.epochs, startedAt, msLeft: null, history: [], engine: null, stopped: false };
    const run = this.#trainer.startTraining(recipe, this.dataset, config, (logs) => {
      const history = [...this.progress.history, ...logs];
      const epoch = history.length;
      const elapsed = performance.now() - startedAt;
      this.progress = { ...this.progress, epoch, history, msLeft: epoch ? (elapsed / epoch) * (settings.epochs - epoch) : null };
    });
    this.#stop = run.stop;
    const generation = ++this.#generation;
    try {
      const result = await run.done;
      this.progress = {
        ...this.progress, running: false, history: result.history, epoch: result.history.length,
        msLeft: 0, engine: result.engine, stopped: result.stopped,
      };
      // Show the trained model, unless another model was opened meanwhile.
      if (generation === this.#generation) this.#showCourse(result.weights, true);
    } catch (e) {
      this.progress = { ...this.progress, running: false };
      this.error = `Training failed: ${(e as Error).message}`;
    } finally {
      this.#stop = null;
    }
  }

  stopTraining(): void {
    this.#stop?.();
  }

  /** Retrain the same settings on a fresh seed (the way out of a stuck run). */
  async retrainNewSeed(): Promise<void> {
    const seed = (this.settings.seed * 1103515245 + 12345) % 2 ** 31;
    await this.train({ ...this.settings, seed });
  }

  /** Show a model opened from a file (or the library) instead of the course model. */
  openBundle(bundle: ModelBundle): boolean {
    if (this.progress.running) this.stopTraining();
    this.#generation++;
    const ok = this.#setBundle(bundle, { kind: 'file' });
    if (ok) this.error = null;
    return ok;
  }

  /** Opens model files; rejects with the loader's message (the model on screen stays) when they can't be shown. */
  async openFiles(files: FileLike[]): Promise<void> {
    const bundle = await openModelFiles(files);
    if (!this.openBundle(bundle)) throw new Error(this.error ?? 'This model cannot be shown.');
  }

  /** The preprocessing the model expects (StandardScaler), or null for none: the trace shows raw and scaled input. */
  setScaler(scaler: Scaler | null): void {
    if (!this.bundle) return;
    this.bundle = { ...this.bundle, info: { ...this.bundle.info, scaler } };
    this.retrace();
  }

  /** Names for the model's inputs and (for a classifier) its outputs, as the user gives them. */
  setNames(featureNames: string[], classNames: string[] | null): void {
    if (!this.bundle) return;
    this.bundle = { ...this.bundle, info: { ...this.bundle.info, featureNames, classNames } };
  }

  /** Whether the model on screen has Iris' shape (4 features in, 3 classes out) but not its names. */
  get looksLikeIris(): boolean {
    const b = this.bundle;
    if (!b || this.source.kind !== 'file' || b.info.classNames) return false;
    const outputs = this.trace?.values.at(-1)?.values.length;
    return b.info.featureNames.length === this.dataset.features && outputs === this.dataset.classNames.length;
  }

  /** Names an Iris-shaped model's inputs and outputs the way the course data does. */
  useIrisNames(): void {
    if (!this.bundle) return;
    const d = this.dataset;
    this.bundle = {
      ...this.bundle,
      info: { ...this.bundle.info, featureNames: d.featureNames, classNames: d.classNames, featureRanges: featureRanges(d) },
    };
  }

  /** Back from a file's model to the course model, as it was last trained (or initialised). */
  showCourseModel(): void {
    const c = this.#courseWeights;
    if (!c) return;
    this.settings = { ...c.settings };
    this.#generation++;
    this.#showCourse(c.weights, c.trained);
  }

  #showCourse(weights: WeightTensor[], trained: boolean): void {
    const settings = { ...this.settings };
    this.#courseWeights = { weights, settings, trained };
    this.#setBundle(this.#courseBundle(this.recipe, weights), { kind: 'course', trained, settings });
  }

  #courseBundle(recipe: Recipe, weights: WeightTensor[]): ModelBundle {
    return {
      model: buildModel(recipe, weights),
      info: {
        title: 'Iris (course model)',
        featureNames: this.dataset.featureNames,
        classNames: this.dataset.classNames,
        scaler: null,
        featureRanges: featureRanges(this.dataset),
      },
    };
  }

  /** Shows `bundle`; returns false (and says why) when it cannot be traced, keeping the model on screen. */
  #setBundle(bundle: ModelBundle, source: ModelSource): boolean {
    let tracer: Tracer;
    try {
      tracer = createTracer(bundle.model);
    } catch (e) {
      this.error = `Layer Lens cannot step through this model: ${(e as Error).message}`;
      bundle.model.dispose();
      return false;
    }
    const old = this.bundle;
    const inputSize = bundle.info.featureNames.length;
    if (this.input.length !== inputSize) {
      this.input = bundle.info.featureRanges
        ? bundle.info.featureRanges.map((r) => (r.min + r.max) / 2)
        : new Array(inputSize).fill(0);
    }
    this.#tracer = tracer;
    this.bundle = bundle;
    this.source = source;
    this.stale = false;
    this.diagnosis = source.kind === 'course' && source.trained
      ? diagnose(this.recipe, getWeights(bundle.model), this.dataset)
      : null;
    this.retrace();
    this.selectStep(this.step);
    if (old && old.model !== bundle.model) old.model.dispose();
    return true;
  }
}
