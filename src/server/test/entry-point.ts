import { spawn, type ChildProcess } from 'node:child_process';

export type EntryPointRun = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

/** Runs a command's TypeScript entry point as `npm start` or `npm run backup` does, in a child
 * process, with `env` over this process's environment; stdout and stderr are collected together. */
export function runEntryPoint(args: string[], env: Record<string, string>): EntryPointRun {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}
