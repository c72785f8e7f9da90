// A gzipped file of text lines, written and read as streams: compression runs on libuv's thread
// pool, and the caller handles one line at a time, so a file of several MB never needs one long
// decode, join or parse on the extension host's thread.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const NEWLINE = 0x0a;

/**
 * The file's lines, decoded one at a time. UTF-8 never uses the newline byte inside a character,
 * so lines are cut on bytes. Fails as the file does (missing, not gzip, cut short).
 */
export async function* readGzipLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    let rest: Buffer | undefined;
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const data = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end >= 0; end = data.indexOf(NEWLINE, start)) {
        yield data.toString('utf8', start, end);
        start = end + 1;
      }
      rest = start < data.length ? data.subarray(start) : undefined;
    }
    if (rest) yield rest.toString('utf8');
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/**
 * Writes the lines to a temporary file beside `file` and moves it into place, so a reader never
 * sees half a file. `keep()` is asked once all lines are written: false drops the file (the data
 * changed meanwhile). Resolves to whether the file was replaced.
 */
export async function writeGzipLines(file: string, lines: AsyncIterable<string> | Iterable<string>, keep: () => boolean = () => true): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await pipeline(Readable.from(terminated(lines)), createGzip(), createWriteStream(tmp));
    if (!keep()) {
      await rm(tmp, { force: true });
      return false;
    }
    await rename(tmp, file);
    return true;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

async function* terminated(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  for await (const line of lines) yield `${line}\n`;
}
