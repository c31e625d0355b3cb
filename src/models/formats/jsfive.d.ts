/** Minimal typings for jsfive (pure-JS HDF5 reader); only what hdf5-read.ts uses. */
declare module 'jsfive' {
  export class Group {
    keys: string[];
    attrs: Record<string, unknown>;
    get(path: string): Group | Dataset;
  }
  export class Dataset {
    shape: number[];
    dtype: unknown;
    value: unknown;
    attrs: Record<string, unknown>;
  }
  export class File extends Group {
    constructor(buffer: ArrayBuffer, filename?: string);
  }
}
