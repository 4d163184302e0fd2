/** Newest modification time (ms) under the dashboard's sources, tests excluded. */
export function newestSourceMtime(dir?: string): number;
/** True when `.next/BUILD_ID` is missing or older than a source file. */
export function buildIsStale(dir?: string): boolean;
/** Runs `next build` in web/ when the build is stale. */
export function ensureWebBuild(options?: { log?: (line: string) => void; force?: boolean }): Promise<{ built: boolean; ms: number }>;
/** Absolute path of the web workspace. */
export const WEB_DIR: string;
