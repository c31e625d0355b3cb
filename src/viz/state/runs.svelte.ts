/**
 * Finished training runs, kept so their curves can be compared on one chart (e.g. MNIST without
 * and with Rescaling). The newest few per course; each names its recipe and settings.
 */
import type { CourseSettings } from '../../models/courses';
import type { EpochLog } from '../../models/types';

export interface Run {
  id: number;
  course: string;
  recipe: string;
  recipeTitle: string;
  settings: CourseSettings;
  history: EpochLog[];
  /** Short label for a legend: "run 2". */
  label: string;
  /** What it was: "Sequential with Rescaling, lr 0.001, 128 units, seed 1, 15 epochs". */
  detail: string;
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
    const label = `run ${id}`;
    const detail = `${run.recipeTitle}, lr ${s.learningRate}, ${s.hiddenUnits} units, seed ${s.seed}, ${run.history.length} epochs`;
    const mine = [...this.all.filter((r) => r.course === run.course), { ...run, id, label, detail }].slice(-KEPT_RUNS);
    this.all = [...this.all.filter((r) => r.course !== run.course), ...mine];
  }

  of(course: string): Run[] {
    return this.all.filter((r) => r.course === course);
  }

  clear(course: string): void {
    this.all = this.all.filter((r) => r.course !== course);
  }
}
