// Entry of a data-parallel worker thread. Worker threads inherit no TypeScript loader (neither
// tsx's nor vitest's), so register tsx first, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./data-parallel-worker.ts');
