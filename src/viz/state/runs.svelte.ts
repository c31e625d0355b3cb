/**
 * Finished training runs, kept so their curves can be compared on one chart (e.g. MNIST without
 * and with Rescaling). The newest few per course; each names its recipe and settings.
 */
import type { CourseSettings } from '../../models/courses';
import type { EpochLog } from '../../models/types';
import { appState as t } from '../../i18n/messages/app-state';

export interface Run {
  id: number;
  course: string;
  recipe: string;
  recipeTitle: string;
  settings: CourseSettings;
  history: EpochLog[];
  /** Short label for a legend: "run 2" (in the language on screen). */
  readonly label: string;
  /** What it was: "Sequential with Rescaling, lr 0.001, 128 units, seed 1, 15 epochs" (in the language on screen). */
  readonly detail: string;
}

/** How many runs per course are kept. */
export const KEPT_RUNS = 5;

export class RunHistory {
  all = $state.raw<Run[]>([]);
  #next = 1;

  add(run: Omit<Run, 'id' | 'label' | 'detail'>): void {
    if (run.history.length === 0) return;
    const id = this.#next++;
    const s = run.settings;
    const epochs = run.history.length;
    // Getters: a language switch relabels the runs already on the chart.
    const kept: Run = {
      ...run,
      id,
      get label() {
        return t.run.label(id);
      },
      get detail() {
        return t.run.detail(run.recipeTitle, s.learningRate, s.hiddenUnits, s.seed, epochs);
      },
    };
    const mine = [...this.all.filter((r) => r.course === run.course), kept].slice(-KEPT_RUNS);
    this.all = [...this.all.filter((r) => r.course !== run.course), ...mine];
  }

  of(course: string): Run[] {
    return this.all.filter((r) => r.course === course);
  }

  clear(course: string): void {
    this.all = this.all.filter((r) => r.course !== course);
  }
}
