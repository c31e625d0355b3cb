export const INITIAL_JS_BUDGET_KIB: number;
export function staticImports(code: string): string[];
export function entryFiles(html: string): string[];
export interface InitialJsFile { file: string; bytes: number; gzipBytes: number }
export function measureInitialJsFromBuild(distDir: string): { initialJsGzipKiB: number; initialJsKiB: number; files: InitialJsFile[] };
