/**
 * What Keras shows for the model on screen: `model.summary()` as Keras 3 prints it and the Keras
 * code that builds the model. Computed here, where the state holds the model (components make no
 * tfjs calls), once per model: an input change does not recompute it.
 *
 * Course models: the course recipe's own code, with the settings the model was trained with
 * (epochs, learning rate, seed). Models from files: code generated from the model's layers, with
 * the compile line the file's training settings give (fit's settings are not in model files).
 */
import { modelSummary, summaryText, type ModelSummary } from '../../inspector/summary';
import { kerasCode } from '../../inspector/export/kerasCode';
import { compileLine } from '../../inspector/export/compileLine';
import { withSeedLine } from '../../models/recipe-specs';
import type { Course, CourseSettings } from '../../models/courses';
import type { LayersModel } from '../../models/tf';
import type { ModelBundle } from '../../models/types';
import { appState as t } from '../../i18n/messages/app-state';

export interface KerasView {
  summary: ModelSummary;
  /** The summary as Keras prints it (plain text, box-drawing characters). */
  summaryText: string;
  /** Keras 3 code that builds the model. */
  code: string;
  /** Where the code comes from, in the learner's words (in the language on screen: read it where it is shown). */
  readonly codeNote: string;
}

/** Where the model on screen came from (the part of the app's ModelSource this needs). */
export type KerasViewSource =
  | { kind: 'course'; trained: boolean; settings: CourseSettings; recipe: string }
  | { kind: 'file' };

const summaries = new WeakMap<LayersModel, ModelSummary>();

/** The summary of a model, computed once per model. */
function summaryOf(model: LayersModel): ModelSummary {
  let s = summaries.get(model);
  if (!s) {
    s = modelSummary(model);
    summaries.set(model, s);
  }
  return s;
}

/**
 * The course recipe's Keras code with the settings a model was trained with: `fit`'s epochs,
 * the learning rate (in compile, when it is not RMSprop's default) and the seed.
 */
export function courseCode(course: Course, recipeId: string, settings: CourseSettings): string {
  const recipe = course.recipes.find((r) => r.id === recipeId) ?? course.recipes[0];
  const fit = { ...course.fit, epochs: settings.epochs, learningRate: settings.learningRate, seed: settings.seed };
  return withSeedLine(recipe.build(settings.hiddenUnits, fit).python, settings.seed);
}

/** The last view made for each model, and what it was made from. */
const views = new WeakMap<LayersModel, { source: KerasViewSource; course: Course; training: unknown; view: KerasView }>();

/** Summary and code for the model on screen, or null when there is none; made once per model and source. */
export function kerasView(bundle: ModelBundle | null, source: KerasViewSource, course: Course): KerasView | null {
  if (!bundle) return null;
  const hit = views.get(bundle.model);
  if (hit && hit.source === source && hit.course === course && hit.training === bundle.info.trainingConfig) return hit.view;
  const view = makeView(bundle, source, course);
  views.set(bundle.model, { source, course, training: bundle.info.trainingConfig, view });
  return view;
}

function makeView(bundle: ModelBundle, source: KerasViewSource, course: Course): KerasView {
  const computed = summaryOf(bundle.model);
  if (source.kind === 'course') {
    const recipe = course.recipes.find((r) => r.id === source.recipe) ?? course.recipes[0];
    // Keras names an unnamed keras.Sequential "sequential" and an unnamed keras.Model "functional".
    const functional = bundle.model.getClassName() !== 'Sequential';
    const summary = { ...computed, name: functional ? 'functional' : 'sequential' };
    const { epochs, learningRate, seed } = source.settings;
    return {
      summary,
      summaryText: summaryText(summary),
      code: courseCode(course, recipe.id, source.settings),
      get codeNote() {
        return source.trained ? t.codeNote.trained(epochs, learningRate, seed) : t.codeNote.untrained(epochs, learningRate, seed);
      },
    };
  }
  const compile = compileLine(bundle.info.trainingConfig);
  return {
    summary: computed,
    summaryText: summaryText(computed),
    code: kerasCode(bundle.model, compile ? { compile: compile.line } : {}),
    get codeNote() {
      return compile ? t.codeNote.fileWithCompile(compile.note ?? '') : t.codeNote.file;
    },
  };
}
