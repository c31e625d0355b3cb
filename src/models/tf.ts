/**
 * The one door to TensorFlow.js. Every module that needs tfjs imports it from here, so the
 * choice of packages (core + layers + the cpu backend: no webgl, which runs in software on
 * machines without a GPU) is made in one place.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';

export { tf, tfl };
export type LayersModel = tfl.LayersModel;
export type Layer = tfl.layers.Layer;
