/** The positions of the layer stepper: values_0 (the input), then one per layer. */
import { viewDiagram as m } from '../../i18n/messages/view-diagram';

export interface StepperStep {
  /** The layer's own name, e.g. "dense". */
  name: string;
  /** Keras class name, e.g. "Dense". */
  className: string;
}

export interface StepperItem {
  /** Position k shows values_k: 0 = the input, k >= 1 = the output of layer_{k-1}. */
  position: number;
  /** "values_0 · input" or "layer_0 · Dense (dense)". */
  label: string;
  /** "values_1": the value this position shows. */
  value: string;
}

export function stepperItems(steps: StepperStep[]): StepperItem[] {
  return [
    { position: 0, label: m.inputStep, value: 'values_0' },
    ...steps.map((s, i) => ({
      position: i + 1,
      label: `layer_${i} · ${s.className} (${s.name})`,
      value: `values_${i + 1}`,
    })),
  ];
}

/** The position a key moves to from `selected` (of `count` positions), or null for other keys. */
export function stepperKey(key: string, selected: number, count: number): number | null {
  const last = count - 1;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, selected - 1);
    case 'ArrowRight':
      return Math.min(last, selected + 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** True when a key press belongs to a text field or control that uses arrow keys itself. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
}
