import fs from 'node:fs';
import { projectPath } from '../../paths';

const file = projectPath('content', 'common-passwords.txt');

/** The refused passwords (S5), one per line in content/, compared in lower case. */
export function loadCommonPasswords(): ReadonlySet<string> {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return new Set(lines.map((line) => line.trim().toLowerCase()).filter((line) => line && !line.startsWith('#')));
}
