// Types of source-files.mjs (plain JavaScript: bin/polydesk.mjs reads it before any TypeScript loader).
export declare const SOURCE_DIRS: readonly string[];
export declare const BESIDE_THE_CODE: readonly string[];
export declare const WORKER_ENTRIES: Readonly<Record<string, string>>;
export declare function sourceFiles(dir: string): string[];
export declare function newestSource(root: string): number;
export declare function builtIsCurrent(root: string, env?: Record<string, string | undefined>): boolean;
