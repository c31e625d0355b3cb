/** What `loadExports` brings: the file makers the export menu offers behind a click. */
export { modelJsonFile, modelNpzFile } from '../../inspector/export/model';
export { traceCsvFile, traceJsonFile } from '../../inspector/export/trace';
export { pythonFile } from '../../inspector/export/python';
export { tfjsModelFiles } from '../../inspector/export/tfjsModel';
