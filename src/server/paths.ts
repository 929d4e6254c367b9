import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The folders the server reads at run time, found from this file. It sits in src/server when the
// source runs (tests, `npm run dev`) and is bundled into dist/server/*.js for the compiled start
// (`npm run build`, `npm start`): both are two levels below the project, so one rule serves both.

/** The project folder: content/, dist/web and the migrations are found from it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A path inside the project, e.g. `projectPath('content', 'sni-2007.json')`. */
export const projectPath = (...parts: string[]) => path.join(projectRoot, ...parts);
