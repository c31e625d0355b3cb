/**
 * What a user would share, mirrored in the URL hash: the course, its recipe, the training settings
 * (the same seed gives the same weights, so a link reproduces the model), the input and the step.
 * Pure and table-driven (as TensorFlow Playground's state.ts): one table lists every parameter
 * with how it is written and read. Decoding never throws; anything malformed falls back to the
 * course's defaults, field by field. Links without `course=` (the old Iris links) open the first
 * course of the registry.
 */
import { COURSES, checkSetting, type Course, type CourseSettings, type SettingKey } from '../../models/courses';

/** The input a link names: a table row's values, or a test image by its index. */
export type SharedInput = { kind: 'values'; values: number[] } | { kind: 'test'; index: number };

export interface ShareState {
  course: string;
  recipe: string;
  settings: CourseSettings;
  /** Whether the shared model was trained (the recipient retrains with the same settings). */
  trained: boolean;
  /** null: the course's own starting input (e.g. a drawn digit, which a link does not carry). */
  input: SharedInput | null;
  step: number;
}

/** The settings as the URL spells them. */
const SETTING_PARAMS: readonly [SettingKey, string][] = [
  ['epochs', 'epochs'],
  ['learningRate', 'lr'],
  ['hiddenUnits', 'hidden'],
  ['seed', 'seed'],
];

interface Param {
  /** Writes this parameter (or nothing) for the state. */
  write(s: ShareState, p: URLSearchParams): void;
  /** Reads it into `s` when present and valid for `course`. */
  read(p: URLSearchParams, course: Course, s: ShareState): void;
}

const nonNegativeInteger = (text: string | null): number | null => {
  if (text === null || !/^\d{1,9}$/.test(text)) return null;
  return Number(text);
};

/** The one table: every parameter a link carries, in the order it is written. */
const PARAMS: readonly Param[] = [
  {
    write: (s, p) => p.set('course', s.course),
    read: () => {}, // read first, by decodeShare: every other parameter depends on the course
  },
  {
    write: (s, p) => p.set('recipe', s.recipe),
    read: (p, course, s) => {
      const id = p.get('recipe');
      if (course.recipes.some((r) => r.id === id)) s.recipe = id as string;
    },
  },
  ...SETTING_PARAMS.map(
    ([key, name]): Param => ({
      write: (s, p) => p.set(name, String(s.settings[key])),
      read: (p, course, s) => {
        const text = p.get(name);
        const v = text === null || text.trim() === '' ? null : checkSetting(course, key, Number(text));
        if (v !== null) s.settings = { ...s.settings, [key]: v };
      },
    }),
  ),
  {
    write: (s, p) => {
      if (s.trained) p.set('trained', '1');
    },
    read: (p, _course, s) => {
      s.trained = p.get('trained') === '1';
    },
  },
  {
    write: (s, p) => {
      if (s.input?.kind === 'values') p.set('x', s.input.values.map((v) => String(v)).join('_'));
    },
    read: (p, course, s) => {
      if (course.input.kind !== 'table' || !p.has('x')) return;
      const xs = (p.get('x') ?? '').split('_').map((t) => (t.trim() === '' ? NaN : Number(t)));
      if (xs.length === course.input.featureNames.length && xs.every((v) => Number.isFinite(v))) {
        s.input = { kind: 'values', values: xs };
      }
    },
  },
  {
    write: (s, p) => {
      if (s.input?.kind === 'test') p.set('img', String(s.input.index));
    },
    read: (p, course, s) => {
      if (course.input.kind !== 'image') return;
      const index = nonNegativeInteger(p.get('img'));
      if (index !== null) s.input = { kind: 'test', index };
    },
  },
  {
    write: (s, p) => p.set('step', String(s.step)),
    read: (p, _course, s) => {
      const step = nonNegativeInteger(p.get('step'));
      if (step !== null) s.step = step;
    },
  },
];

/** What a course opens with when a link says nothing else. */
export function courseDefaults(course: Course): ShareState {
  return {
    course: course.id,
    recipe: course.recipes[0].id,
    settings: { ...course.defaults },
    trained: false,
    input: null,
    step: 1,
  };
}

export function encodeShare(s: ShareState): string {
  const p = new URLSearchParams();
  for (const param of PARAMS) param.write(s, p);
  return '#' + p.toString();
}

/** The state a hash describes; `courses[0]` when it names no course (old links) or an unknown one. */
export function decodeShare(hash: string, courses: readonly Course[] = COURSES): ShareState {
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    p = new URLSearchParams();
  }
  const course = courses.find((c) => c.id === p.get('course')) ?? courses[0];
  const s = courseDefaults(course);
  for (const param of PARAMS) param.read(p, course, s);
  return s;
}
