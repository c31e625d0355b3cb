/**
 * The registry of courses: adding a lesson is one module plus its line here (and its test).
 * The first course is the one the app opens without a `course=` in the link (old Iris links).
 */
import { irisCourse } from './iris';
import { housingCourse } from './housing';
import { mnistCourse } from './mnist';
import type { Course } from './types';

export const COURSES: readonly Course[] = [irisCourse, mnistCourse, housingCourse];

export const DEFAULT_COURSE: Course = COURSES[0];

/** The course with this id, or null. */
export function findCourse(id: string | null | undefined): Course | null {
  return COURSES.find((c) => c.id === id) ?? null;
}

export type * from './types';
export { settingRules, checkSetting, featureRanges } from './types';
