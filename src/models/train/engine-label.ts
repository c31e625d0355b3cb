/**
 * A training engine's name in the language on screen. A run's result carries its engine's name
 * as a string, in the language the run started in (the worker is told it); a view that calls
 * `engineLabel(result.engine)` at render time shows it in the current language, even after a switch.
 */
import { messageModules } from '../../i18n/define';
import { modelsTrain } from '../../i18n/messages/models-train';

const APP = 'Layer Lens';
const KINDS = ['fast', 'cnn'] as const;

type EngineNames = Record<(typeof KINDS)[number], (app: string) => string>;

/** The engines' names in both languages, read from the message module's two trees (no language switch). */
function bothLanguages(): EngineNames[] {
  const module = messageModules().find((m) => m.name === 'models-train');
  return module ? [module.en, module.de].map((tree) => tree.engines as unknown as EngineNames) : [];
}

/**
 * "Layer Lens float32 engine (plain TypeScript)" <-> "float32-Engine von Layer Lens (reines
 * TypeScript)", in the current language; any other label (e.g. "tfjs cpu") as it is.
 */
export function engineLabel(label: string): string {
  const trees = bothLanguages();
  for (const kind of KINDS) {
    if (trees.some((names) => names[kind](APP) === label)) return modelsTrain.engines[kind](APP);
  }
  return label;
}
