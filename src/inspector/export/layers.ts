/** The layers and their parameters, read from a trace (what is on screen) or from WeightTensor[]. */
import type { Trace } from '../types';
import type { WeightTensor } from '../../models/types';
import type { LayerParams } from './types';
import { weightShortName } from './names';

/** Every traced layer in order, with its class, config and parameters (empty for Activation etc.). */
export function layersFromTrace(trace: Trace): LayerParams[] {
  return trace.steps.map((s) => ({
    name: s.name,
    className: s.className,
    config: s.config,
    params: s.params.map((p) => ({ name: weightShortName(p.name), shape: [...p.shape], values: p.values })),
  }));
}

/**
 * Layers from a flat WeightTensor list (as training hands them back), grouped by layer in order of
 * first appearance. Classes and configs are unknown there, so className is "" and config {}.
 */
export function layersFromWeights(weights: WeightTensor[]): LayerParams[] {
  const byName = new Map<string, LayerParams>();
  for (const w of weights) {
    let layer = byName.get(w.layer);
    if (!layer) {
      layer = { name: w.layer, className: '', config: {}, params: [] };
      byName.set(w.layer, layer);
    }
    layer.params.push({ name: weightShortName(w.name), shape: [...w.shape], values: w.values });
  }
  return [...byName.values()];
}

/** Only the layers that have parameters. */
export function layersWithParams(layers: LayerParams[]): LayerParams[] {
  return layers.filter((l) => l.params.length > 0);
}
