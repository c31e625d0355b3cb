/**
 * The app's state in one typed place (Svelte 5 runes). Components read it and call its methods;
 * nothing else holds mutable state. One Trace feeds every view, so views and exports agree.
 *
 * The state takes a course (src/models/courses) and never names one: its data set loads when the
 * course opens, its recipes, settings, input kind and output words come from the course module.
 * What input a model takes (a table row or an image) comes from the course for the course model
 * and from the model's input shape for a model opened from a file.
 */
import { initialWeights } from '../../models/train/recipe-weights';
import { loadEngine, type Engine } from '../lazy/engine';
import { createTrainingClient } from '../../models/train/client';
import { diagnose, validationMix, type Diagnosis, type ValidationMix } from '../../models/diagnostics';
import { COURSES, DEFAULT_COURSE, featureRanges, type Course, type CourseData, type CourseRecipe, type CourseSettings } from '../../models/courses';
import type { Tracer } from '../../inspector/trace';
import type { Trace } from '../../inspector/types';
import type { FileLike } from '../../models/formats';
import { openModelFiles } from '../lazy/formats';
import type { Dataset, EpochLog, ModelBundle, Recipe, Scaler, TrainConfig, WeightSnapshots, WeightTensor } from '../../models/types';
import { courseDefaults, type ShareState } from './share';
import { imageShapeOf, matchingImageCourse, testImage, type ImageShape } from './images';
import { RunHistory, type Run } from './runs.svelte';
import { toEvaluation, type Evaluation } from './evaluate';
import { kerasView, type KerasView } from './keras-view';
import { createCheckClient, type CheckClient } from './check-client';
import { appState as t } from '../../i18n/messages/app-state';
import { EpochHistory } from '../history/epoch-history.svelte';

/** Kept for callers of the old API: the settings the train panel edits. */
export type TrainSettings = CourseSettings;

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

export type ModelSource =
  | { kind: 'course'; trained: boolean; settings: CourseSettings; recipe: string }
  | { kind: 'file' };

/** Where the image on screen came from: a test image (a link can name it), a drawing or a file. */
export type InputOrigin = { kind: 'values' } | { kind: 'test'; index: number } | { kind: 'drawn' } | { kind: 'picture'; name: string };

/** The data set loading: how far, and what. */
export interface Loading {
  course: string;
  fraction: number;
  message: string;
}

interface CourseModel {
  weights: WeightTensor[];
  settings: CourseSettings;
  recipe: string;
  trained: boolean;
  history: EpochLog[];
  engine: string | null;
}

const idleProgress = (epochs: number): TrainingProgress => ({
  running: false, epoch: 0, totalEpochs: epochs, startedAt: 0, msLeft: null, history: [], engine: null, stopped: false,
});

export class AppState {
  course = $state.raw<Course>(DEFAULT_COURSE);
  /** The open course's data (null while it loads). */
  data = $state.raw<CourseData | null>(null);
  loading = $state.raw<Loading | null>(null);
  recipeId = $state<string>(DEFAULT_COURSE.recipes[0].id);
  settings = $state<CourseSettings>({ ...DEFAULT_COURSE.defaults });
  bundle = $state.raw<ModelBundle | null>(null);
  source = $state.raw<ModelSource>({ kind: 'course', trained: false, settings: DEFAULT_COURSE.defaults, recipe: DEFAULT_COURSE.recipes[0].id });
  input = $state.raw<number[]>([]);
  inputOrigin = $state.raw<InputOrigin>({ kind: 'values' });
  /** True while a field holds an invalid value: the trace on screen belongs to the last good input. */
  stale = $state(false);
  trace = $state.raw<Trace | null>(null);
  /** The stepper position: 0 = values_0, k = layer_{k-1} (starts on layer_0). */
  step = $state(1);
  progress = $state.raw<TrainingProgress>(idleProgress(DEFAULT_COURSE.defaults.epochs));
  diagnosis = $state.raw<Diagnosis | null>(null);
  validation = $state.raw<ValidationMix | null>(null);
  /** Test images for the image model on screen (the course's, or a matching course's for a file). */
  testSet = $state.raw<Dataset | null>(null);
  /** model.evaluate on `testSet` for the model on screen (null until asked; reset when the model changes). */
  evaluation = $state.raw<Evaluation | null>(null);
  evaluating = $state(false);
  /** Share of the test rows evaluated so far (0..1) while evaluating. */
  evaluated = $state(0);
  /** Estimated time left of the evaluation running (a big CNN on tfjs' cpu backend takes minutes). */
  evaluateMsLeft = $state<number | null>(null);
  /** Finished runs, kept so their curves can be compared on one chart. */
  readonly runs = new RunHistory();
  /** The last run's weights after each epoch, and the epoch on screen (src/viz/history). */
  readonly weightHistory = new EpochHistory();
  backend = $state('');
  error = $state<string | null>(null);
  /** model.summary() and the Keras code of the model on screen (recomputed when the model changes, not per input). */
  keras: KerasView | null = $derived(kerasView(this.bundle, this.source, this.course));
  #stop: (() => void) | null = null;
  /** One training worker for every run, so only the first run pays its start-up. */
  readonly #trainer = createTrainingClient();
  /** Planned once per model; runs one input through it. */
  #tracer: Tracer | null = null;
  /** Settles when the latest trace's remaining checks are done (true) or another trace replaced it (false). */
  checksDone: Promise<boolean> = Promise.resolve(true);
  /** Runs the checks that come after a trace in a worker (null in Node: they run in slices here). */
  #checker: CheckClient | null = null;
  /** Each course's latest model (weights and how they came about), to come back to. */
  #courseModels = new Map<string, CourseModel>();
  /** Each course's data, loaded once. */
  #dataCache = new Map<string, Promise<CourseData>>();
  /** The courses whose data has arrived. */
  #loaded = new Map<string, CourseData>();
  /** Bumped whenever another model is shown, so a training run that ends later does not replace it. */
  #generation = 0;
  /** Bumped whenever a course is opened, so a slow data load of an earlier one is dropped. */
  #opening = 0;

  /** TensorFlow.js and what runs on it: loaded by init (beside the page, not in its first load). */
  #engine: Engine | null = null;

  /** Loads TensorFlow.js, sets up the backend and opens the course a link names (or the first course), untrained. */
  init(shared: ShareState | null): Promise<void> {
    this.#starting = this.#start(shared);
    return this.#starting;
  }

  /** Pending while init runs: a Train click meanwhile waits for it. */
  #starting: Promise<void> | null = null;

  async #start(shared: ShareState | null): Promise<void> {
    const course = (shared && COURSES.find((c) => c.id === shared.course)) || DEFAULT_COURSE;
    this.loading = { course: course.id, fraction: 0, message: t.loadingTf };
    try {
      this.#engine = await loadEngine();
    } finally {
      this.loading = null;
    }
    this.backend = await this.#engine.initInferenceBackend();
    // A course the user picked while the app was starting wins over the starting one.
    if (this.#opening === 0) await this.openCourse(course, shared);
  }

  get courses(): readonly Course[] {
    return COURSES;
  }

  get courseRecipe(): CourseRecipe {
    return this.course.recipes.find((r) => r.id === this.recipeId) ?? this.course.recipes[0];
  }

  get recipe(): Recipe {
    // The recipe's Keras code says the settings in use (epochs, learning rate), not the course's defaults.
    const { epochs, learningRate, seed } = this.settings;
    return this.courseRecipe.build(this.settings.hiddenUnits, { ...this.course.fit, epochs, learningRate, seed });
  }

  /** The image the model on screen takes (height, width, channels), or null for a table row. */
  get imageShape(): ImageShape | null {
    if (this.source.kind === 'course') {
      const i = this.course.input;
      return i.kind === 'image' ? { height: i.height, width: i.width, channels: i.channels } : null;
    }
    return this.trace ? imageShapeOf(this.trace.values[0].shape.slice(1)) : null;
  }

  /** The words for one example of what the model on screen takes ("flower", "digit", "input"). */
  get noun(): string {
    return this.source.kind === 'course' ? this.course.nouns.one : this.imageShape ? t.nounImage : t.nounInput;
  }

  /** The model's title on screen, in the language on screen ("Iris flowers (course model)", or the file's name). */
  get modelTitle(): string {
    if (!this.bundle) return '';
    return this.source.kind === 'course' ? t.courseModel(this.course.title) : this.bundle.info.title;
  }

  /**
   * After a language switch: builds again what the state wrote as text (the trace's notes, the
   * run's diagnosis, the validation note), in the new language. The model, the input, the step and
   * the epoch on screen stay.
   */
  relocalize(): void {
    const bundle = this.bundle;
    if (this.validation && this.data) this.validation = validationMix(this.data.train, this.course.fit.validationSplit);
    if (this.diagnosis && bundle && this.data && this.#engine) {
      this.diagnosis = diagnose(this.recipe, this.#tf.getWeights(bundle.model), this.data.train, { nouns: this.course.nouns, weakAccuracy: this.course.weakAccuracy });
    }
    if (bundle && this.source.kind === 'course') {
      // The course's feature names (the form's labels, the matrices' rows) in the new language.
      const { featureNames, classNames } = this.#courseNames();
      this.bundle = { ...bundle, info: { ...bundle.info, featureNames, classNames } };
    }
    // A message on screen (a failed training, a file that could not be opened) stays.
    const error = this.error;
    this.retrace();
    this.error ??= error;
  }

  /** Opens a course: loads its data (with progress), then shows its latest model, or an untrained one. */
  async openCourse(course: Course, shared: ShareState | null = null): Promise<void> {
    if (this.progress.running) this.stopTraining();
    const opening = ++this.#opening;
    // Picked while the app starts: wait for tfjs and the inference backend (the start then opens nothing).
    if (!this.backend && this.#starting) await this.#starting.catch(() => {});
    if (opening !== this.#opening) return;
    this.#generation++;
    const kept = this.#courseModels.get(course.id);
    const start = shared?.course === course.id ? shared : courseDefaults(course);
    // Nothing of another course stays on screen while this one's data loads (its model is kept).
    if (this.course !== course || !this.#loaded.has(course.id)) this.#clearModel();
    this.course = course;
    this.settings = { ...(shared ? start.settings : kept?.settings ?? start.settings) };
    this.recipeId = shared ? start.recipe : kept?.recipe ?? start.recipe;
    this.progress = { ...idleProgress(this.settings.epochs), history: kept && !shared ? kept.history : [], engine: kept?.engine ?? null };
    this.diagnosis = null;
    this.validation = null;
    this.error = null;
    let data: CourseData;
    try {
      data = await this.#loadData(course);
    } catch (e) {
      if (opening === this.#opening) {
        this.loading = null;
        this.error = t.dataFailed(course.title, (e as Error).message);
      }
      return;
    }
    if (opening !== this.#opening) return;
    this.data = data;
    this.testSet = data.test;
    this.validation = validationMix(data.train, course.fit.validationSplit);
    this.#startInput(course, data, start);
    if (kept && !shared) {
      this.#showCourse(kept.weights, kept.trained, kept.history, kept.engine);
    } else {
      this.#showCourse(initialWeights(this.recipe, this.settings.seed), false, [], null);
    }
    this.selectStep(start.step);
    if (shared?.trained) await this.train();
  }

  /** Nothing on screen while another course's data loads: no model of one course over another's data. */
  #clearModel(): void {
    this.bundle?.model.dispose();
    this.bundle = null;
    this.trace = null;
    this.#tracer = null;
    this.data = null;
    this.testSet = null;
    this.evaluation = null;
  }

  /** The course's data, loaded once; progress shows in `loading`. */
  #loadData(course: Course): Promise<CourseData> {
    let p = this.#dataCache.get(course.id);
    if (!p) {
      this.loading = { course: course.id, fraction: 0, message: t.loadingData(course.title) };
      p = course.load((fraction, message) => {
        if (this.loading?.course === course.id) this.loading = { course: course.id, fraction, message };
      });
      this.#dataCache.set(course.id, p);
      p.then(
        (data) => {
          this.#loaded.set(course.id, data);
          if (this.loading?.course === course.id) this.loading = null;
        },
        () => this.#dataCache.delete(course.id),
      );
    }
    return p;
  }

  #startInput(course: Course, data: CourseData, start: ShareState): void {
    const input = course.input;
    if (input.kind === 'table') {
      const given = start.input?.kind === 'values' && start.input.values.length === input.featureNames.length;
      const values = given && start.input?.kind === 'values' ? start.input.values : input.initial;
      this.input = [...values];
      this.inputOrigin = { kind: 'values' };
    } else {
      const test = data.test ?? data.train;
      const asked = start.input?.kind === 'test' ? start.input.index : input.initialTestImage;
      const index = Math.min(Math.max(0, asked), test.rows - 1);
      this.input = testImage(test, index);
      this.inputOrigin = { kind: 'test', index };
    }
    this.stale = false;
  }

  /** Picks one of the course's recipes (e.g. with Rescaling): an untrained model of it is shown. */
  selectRecipe(id: string): void {
    if (this.progress.running || !this.course.recipes.some((r) => r.id === id)) return;
    this.recipeId = id;
    this.weightHistory.clear();
    this.#generation++;
    this.progress = idleProgress(this.settings.epochs);
    this.#showCourse(initialWeights(this.recipe, this.settings.seed), false, [], null);
  }

  /** Stepper positions: 0 shows values_0 (the input), k >= 1 shows layer_{k-1}. */
  get positionCount(): number {
    return this.trace ? this.trace.steps.length + 1 : 1;
  }

  selectStep(position: number): void {
    this.step = Math.max(0, Math.min(this.positionCount - 1, Math.round(position)));
    // A step whose check is still to come is checked as it comes on screen.
    if (this.trace && this.#engine && this.step > 0) this.trace = this.#engine.withStepsChecked(this.trace, [this.step - 1]);
  }

  /** A valid input (form values, a drawn digit, a picture): trace at once. */
  setInput(values: number[], origin: InputOrigin = { kind: this.imageShape ? 'drawn' : 'values' }): void {
    this.input = values;
    this.inputOrigin = origin;
    this.stale = false;
    this.retrace();
  }

  /** Shows test image `index` of the test set as the input. */
  showTestImage(index: number): void {
    const test = this.testSet;
    if (!test || !Number.isInteger(index) || index < 0 || index >= test.rows) return;
    this.setInput(testImage(test, index), { kind: 'test', index });
  }

  /** The form holds an invalid value: keep the last good trace on screen, marked stale. */
  markStale(): void {
    this.stale = true;
  }

  retrace(): void {
    if (!this.bundle || !this.#tracer) return;
    try {
      // The step on screen is checked with the trace; large checks (a photo CNN's Conv2Ds) follow in slices.
      this.trace = this.#tracer(this.input, this.bundle.info.scaler, { check: this.step > 0 ? [this.step - 1] : [] });
      this.error = null;
      if (this.trace.steps.some((s) => s.checkPending)) {
        this.#checker ??= createCheckClient();
        this.checksDone = this.#tf.completeChecks(() => this.trace, (t) => (this.trace = t), { pause: afterPaint, remote: this.#checker?.check });
      }
    } catch (e) {
      this.stale = true;
      this.error = t.runFailed((e as Error).message);
    }
  }

  async train(settings: CourseSettings = this.settings): Promise<void> {
    // Asked while TensorFlow.js and the first course still load (the page paints before them): train once they are here.
    if (!this.data && this.#starting) await this.#starting.catch(() => undefined);
    if (this.progress.running || !this.data) return;
    this.#leaveHistory();
    this.settings = { ...settings };
    const course = this.course;
    const recipe = this.recipe;
    const recipeId = this.courseRecipe.id;
    const config: TrainConfig = {
      ...course.fit,
      epochs: settings.epochs, learningRate: settings.learningRate, seed: settings.seed,
    };
    const startedAt = performance.now();
    this.progress = { running: true, epoch: 0, totalEpochs: settings.epochs, startedAt, msLeft: null, history: [], engine: null, stopped: false };
    const run = this.#trainer.startTraining(recipe, this.data.train, config, (logs) => {
      const history = [...this.progress.history, ...logs];
      const epoch = history.length;
      const elapsed = performance.now() - startedAt;
      this.progress = { ...this.progress, epoch, history, msLeft: epoch ? (elapsed / epoch) * (settings.epochs - epoch) : null };
    }, { keepWeights: true });
    this.#stop = run.stop;
    const generation = ++this.#generation;
    try {
      const result = await run.done;
      this.weightHistory.keep(result.snapshots, result.weights);
      this.runs.add({ course: course.id, recipe: recipeId, recipeTitle: this.courseRecipe.title, settings: { ...settings }, history: result.history });
      if (generation !== this.#generation) {
        // Another model (or course) is on screen now: keep this run's weights for its course.
        this.#courseModels.set(course.id, { weights: result.weights, settings: { ...settings }, recipe: recipeId, trained: true, history: result.history, engine: result.engine });
        if (this.course === course) this.progress = { ...this.progress, running: false };
        return;
      }
      this.progress = {
        ...this.progress, running: false, history: result.history, epoch: result.history.length,
        msLeft: 0, engine: result.engine, stopped: result.stopped,
      };
      this.#showCourse(result.weights, true, result.history, result.engine);
    } catch (e) {
      this.progress = { ...this.progress, running: false };
      this.error = t.trainingFailed((e as Error).message);
    } finally {
      this.#stop = null;
    }
  }

  /**
   * Shows snapshot `index` of the weights' history (its last = the final model): the weights are
   * written into the model on screen, so the trace, every view and every export follow.
   */
  showEpoch(index: number): void {
    const bundle = this.bundle;
    if (!bundle) return;
    const weights = this.weightHistory.select(index);
    if (!weights) return;
    this.#tf.setWeights(bundle.model, weights);
    this.evaluation = null;
    if (this.diagnosis && this.data) {
      this.diagnosis = diagnose(this.recipe, weights, this.data.train, { nouns: this.course.nouns, weakAccuracy: this.course.weakAccuracy });
    }
    this.retrace();
  }

  /** Back to the final weights, and the history forgotten (a new run begins). */
  #leaveHistory(): void {
    this.showEpoch(this.weightHistory.lastIndex);
    this.weightHistory.clear();
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
    this.weightHistory.detach();
    const ok = this.#setBundle(bundle, { kind: 'file' });
    if (ok) {
      this.error = null;
      void this.#findTestSet();
    }
    return ok;
  }

  /** A model trained in the app outside the courses (the learner's photos), shown like an opened file. */
  openTrained(recipe: Recipe, weights: WeightTensor[], title: string, classNames: string[], snapshots?: WeightSnapshots): boolean {
    const [h, w, c] = recipe.inputShape;
    const featureNames = Array.from({ length: h * w * c }, (_, i) => pixelName(i, w, c));
    let model: ModelBundle['model'];
    try {
      model = this.#tf.buildModel(recipe, weights);
    } catch (e) {
      this.error = t.buildFailed((e as Error).message);
      return false;
    }
    const ok = this.openBundle({ model, info: { title, featureNames, classNames: [...classNames], scaler: null, featureRanges: null, resize: 'bilinear' } });
    if (ok) {
      this.weightHistory.keep(snapshots, weights);
      this.weightHistory.attach(weights);
    }
    return ok;
  }

  /** For an image model from a file: the test images of a course whose images it takes. */
  async #findTestSet(): Promise<void> {
    const shape = this.imageShape;
    const outputs = this.trace?.values.at(-1)?.values.length ?? 0;
    const course = shape ? matchingImageCourse(COURSES, shape, outputs) : null;
    if (!course) {
      this.testSet = null;
      return;
    }
    const bundle = this.bundle;
    const data = await this.#loadData(course).catch(() => null);
    if (this.bundle !== bundle) return;
    this.testSet = data?.test ?? null;
    if (this.testSet && this.bundle && !this.bundle.info.classNames && course.output.kind === 'classes') {
      this.setNames(this.bundle.info.featureNames, [...course.output.classNames]);
    }
    if (this.testSet) this.showTestImage(this.inputOrigin.kind === 'test' ? this.inputOrigin.index : 0);
  }

  /** Runs the model on screen over every test image: loss, accuracy, confusion matrix, mistakes. */
  async evaluate(): Promise<void> {
    const bundle = this.bundle;
    const test = this.testSet;
    if (!bundle || !test || this.evaluating) return;
    this.evaluating = true;
    this.evaluated = 0;
    this.evaluateMsLeft = null;
    const started = performance.now();
    const onProgress = (done: number, total: number) => {
      this.evaluated = done / total;
      this.evaluateMsLeft = done > 0 ? ((performance.now() - started) / done) * (total - done) : null;
    };
    const course = this.source.kind === 'course' ? this.#courseModels.get(this.course.id) : null;
    const epochShown = this.weightHistory.index;
    try {
      // The course model on the training engine's forward pass (fast, the arithmetic fit used);
      // a file's model on tfjs.
      const scaler = bundle.info.scaler;
      const preprocess = scaler ? uniformFactor(scaler) : null;
      if (scaler && !preprocess) throw new Error(t.scalerNotUniform);
      const result = course
        ? await this.#tf.evaluateRecipe(this.recipe, this.weightHistory.pastWeights ?? course.weights, test, { onProgress })
        : await this.#tf.evaluateModel(bundle.model, test, { onProgress, preprocess });
      // Not when another epoch of the weights' history came on screen meanwhile.
      if (this.bundle?.model === bundle.model && this.weightHistory.index === epochShown) this.evaluation = toEvaluation(result, test.y);
    } catch (e) {
      this.error = t.evaluateFailed((e as Error).message);
    } finally {
      this.evaluating = false;
    }
  }

  /** The first misclassified test image after `after` (wrapping round), or null before an evaluation. */
  nextMistake(after: number): number | null {
    const rows = this.evaluation?.mistakes.map((m) => m.row) ?? [];
    if (rows.length === 0) return null;
    return rows.find((r) => r > after) ?? rows[0];
  }

  /** Opens model files; rejects with the loader's message (the model on screen stays) when they can't be shown. */
  async openFiles(files: FileLike[]): Promise<void> {
    const bundle = await openModelFiles(files);
    if (!this.openBundle(bundle)) throw new Error(this.error ?? t.cannotShow);
  }

  /** The preprocessing the model expects (StandardScaler), or null for none: the trace shows raw and scaled input. */
  setScaler(scaler: Scaler | null): void {
    if (!this.bundle) return;
    this.bundle = { ...this.bundle, info: { ...this.bundle.info, scaler } };
    this.retrace();
  }

  /**
   * For a picture model: the factor its pixels are multiplied by before it sees them (1: raw
   * 0..255; 1/255: x / 255, as most Keras image models are trained), read from the scaler; null
   * when the scaler is not one factor for every pixel.
   */
  get pixelFactor(): number | null {
    const scaler = this.bundle?.info.scaler;
    if (!scaler) return 1;
    return uniformFactor(scaler)?.scale ?? null;
  }

  /** Picture models from files: multiply every pixel by `factor` before the model (as x / 255 does). */
  setPixelFactor(factor: number): void {
    if (!this.bundle || !(factor > 0)) return;
    const n = this.input.length;
    this.evaluation = null;
    this.setScaler(factor === 1 ? null : { mean: new Array(n).fill(0), scale: new Array(n).fill(1 / factor) });
  }

  /** Names for the model's inputs and (for a classifier) its outputs, as the user gives them. */
  setNames(featureNames: string[], classNames: string[] | null): void {
    if (!this.bundle) return;
    this.bundle = { ...this.bundle, info: { ...this.bundle.info, featureNames, classNames } };
  }

  /** A table course whose inputs and classes a file's unnamed model has the shape of, if any. */
  get namesCourse(): Course | null {
    const b = this.bundle;
    if (!b || this.source.kind !== 'file' || b.info.classNames) return null;
    const outputs = this.trace?.values.at(-1)?.values.length;
    return COURSES.find((c) => c.input.kind === 'table' && c.output.kind === 'classes'
      && c.input.featureNames.length === b.info.featureNames.length && c.output.classNames.length === outputs) ?? null;
  }

  /** Names a file's model's inputs and outputs the way `namesCourse`'s data does. */
  async useCourseNames(): Promise<void> {
    const course = this.namesCourse;
    const bundle = this.bundle;
    if (!course || !bundle || course.input.kind !== 'table' || course.output.kind !== 'classes') return;
    const data = await this.#loadData(course);
    if (this.bundle !== bundle) return;
    this.bundle = {
      ...bundle,
      info: {
        ...bundle.info,
        featureNames: [...course.input.featureNames],
        classNames: [...course.output.classNames],
        featureRanges: featureRanges(data.raw ?? data.train),
      },
    };
  }

  /** Back from a file's model to the course model, as it was last trained (or initialised). */
  showCourseModel(): void {
    const c = this.#courseModels.get(this.course.id);
    if (!c || !this.data) return;
    this.settings = { ...c.settings };
    this.recipeId = c.recipe;
    this.testSet = this.data.test;
    this.#generation++;
    if (this.course.input.kind === 'image' && this.input.length !== this.course.input.height * this.course.input.width * this.course.input.channels) {
      this.#startInput(this.course, this.data, courseDefaults(this.course));
    }
    this.#showCourse(c.weights, c.trained, c.history, c.engine);
  }

  #showCourse(weights: WeightTensor[], trained: boolean, history: EpochLog[], engine: string | null): void {
    const settings = { ...this.settings };
    const recipe = this.courseRecipe.id;
    this.#courseModels.set(this.course.id, { weights, settings, recipe, trained, history, engine });
    this.weightHistory.attach(weights);
    this.#setBundle(this.#courseBundle(this.recipe, weights), { kind: 'course', trained, settings, recipe });
  }

  /** The tfjs side; every model shown comes after init, which loads it. */
  get #tf(): Engine {
    if (!this.#engine) throw new Error(t.tfNotLoaded);
    return this.#engine;
  }

  #courseBundle(recipe: Recipe, weights: WeightTensor[]): ModelBundle {
    const course = this.course;
    const input = course.input;
    const data = this.data;
    const { featureNames, classNames } = this.#courseNames();
    return {
      model: this.#tf.buildModel(recipe, weights),
      info: {
        title: `${course.title} (course model)`,
        featureNames,
        classNames,
        // A course that scales its data (housing's StandardScaler): the trace shows raw and scaled.
        scaler: data?.scaler ?? null,
        featureRanges: input.kind === 'table' && data ? featureRanges(data.raw ?? data.train) : null,
      },
    };
  }

  /** The course's names for its inputs (features or pixels) and classes, in the language on screen. */
  #courseNames(): { featureNames: string[]; classNames: string[] | null } {
    const { input, output } = this.course;
    const featureNames = input.kind === 'table'
      ? [...input.featureNames]
      : Array.from({ length: input.height * input.width * input.channels }, (_, i) => pixelName(i, input.width, input.channels));
    return { featureNames, classNames: output.kind === 'classes' ? [...output.classNames] : null };
  }

  /** Shows `bundle`; returns false (and says why) when it cannot be traced, keeping the model on screen. */
  #setBundle(bundle: ModelBundle, source: ModelSource): boolean {
    let tracer: Tracer;
    try {
      tracer = this.#tf.createTracer(bundle.model);
    } catch (e) {
      this.error = t.cannotStep((e as Error).message);
      bundle.model.dispose();
      return false;
    }
    const old = this.bundle;
    const inputSize = bundle.info.featureNames.length;
    if (this.input.length !== inputSize) {
      this.input = bundle.info.featureRanges
        ? bundle.info.featureRanges.map((r) => (r.min + r.max) / 2)
        : new Array(inputSize).fill(0);
      this.inputOrigin = { kind: 'values' };
    }
    this.#tracer = tracer;
    if (this.bundle?.model !== bundle.model) this.evaluation = null;
    this.bundle = bundle;
    this.source = source;
    this.stale = false;
    this.diagnosis = source.kind === 'course' && source.trained && this.course.diagnose && this.data
      ? diagnose(this.recipe, this.#tf.getWeights(bundle.model), this.data.train, { nouns: this.course.nouns, weakAccuracy: this.course.weakAccuracy })
      : null;
    this.retrace();
    this.selectStep(this.step);
    if (old && old.model !== bundle.model) old.model.dispose();
    return true;
  }
}

/** Waits until the next frame is painted (a task after it), or the next task where there are no frames (Node). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** A scaler that is one `x * scale + offset` for every feature (e.g. x / 255), or null. */
function uniformFactor(scaler: Scaler): { scale: number; offset: number } | null {
  const m = scaler.mean[0];
  const s = scaler.scale[0];
  if (!(s > 0) || scaler.mean.some((v) => v !== m) || scaler.scale.some((v) => v !== s)) return null;
  return { scale: 1 / s, offset: -m / s };
}

/** "pixel (row, col)" (and the channel when there are several), counting from 0 as numpy does. */
function pixelName(i: number, width: number, channels: number): string {
  const c = i % channels;
  const p = (i - c) / channels;
  const name = t.pixel(Math.floor(p / width), p % width);
  return channels > 1 ? t.channel(name, c) : name;
}

export type { Run };
