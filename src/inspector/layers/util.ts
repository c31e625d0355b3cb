/** Small helpers shared by the layer modules: config reads, parameter lookup, sizes. */
import type { NamedTensor, Tensor } from '../types';
import { inspectorTrace as T } from '../../i18n/messages/inspector-trace';

export function size(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function param(params: NamedTensor[], name: string): NamedTensor | null {
  return params.find((p) => p.name === name) ?? null;
}

export function configString(config: Record<string, unknown>, key: string, fallback: string): string {
  const v = config[key];
  return typeof v === 'string' ? v : fallback;
}

export function configNumber(config: Record<string, unknown>, key: string, fallback: number): number {
  const v = config[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function requireInputs(inputs: Tensor[], n: number, layer: string): void {
  if (inputs.length !== n) throw new Error(T.layerInputs(layer, n, inputs.length));
}
