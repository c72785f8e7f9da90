// A local `.ics` file read like a feed: its modification time plays the part of Last-Modified, so
// an unchanged file is not read or parsed again.
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { FeedValidators, FetchOutcome } from '../core/calendar/feedSource';

export function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') || file.startsWith('~\\') ? path.join(homedir(), file.slice(1)) : file;
}

export async function readFeedFile(file: string, validators: FeedValidators, maxBytes: number): Promise<FetchOutcome> {
  const full = expandHome(file);
  try {
    const info = await stat(full);
    const stamp = `${info.mtimeMs}:${info.size}`;
    if (validators.lastModified === stamp) return { kind: 'unchanged' };
    if (info.size > maxBytes) return { kind: 'failed', problem: `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    return { kind: 'fetched', text: await readFile(full, 'utf8'), validators: { lastModified: stamp } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { kind: 'failed', problem: code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'the file cannot be read (permission denied)' : `the file cannot be read (${code ?? String(err)})` };
  }
}
