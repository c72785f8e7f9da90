// Finds the CODEOWNERS file GitHub would use in a work tree and returns its text.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODEOWNERS_LOCATIONS } from '../core/delegation/codeowners';

export interface CodeownersFile {
  readonly path: string;
  readonly text: string;
}

export async function readCodeownersFile(root: string): Promise<CodeownersFile | undefined> {
  for (const rel of CODEOWNERS_LOCATIONS) {
    try {
      return { path: rel, text: await readFile(join(root, rel), 'utf8') };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') throw err;
    }
  }
  return undefined;
}
