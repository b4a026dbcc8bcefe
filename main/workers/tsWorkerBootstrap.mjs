// Starts a TypeScript worker entry in development and tests (no build step): tsx's CommonJS hook
// compiles the entry and everything it imports. The packaged app runs the built .js entries instead.
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/cjs/api';

register();
const load = createRequire(import.meta.url);
load(workerData.tsEntry);
