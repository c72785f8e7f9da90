// What every window of this profile changes (the focus block and its guards, pins and snoozes,
// nudges...), one JSON file per key in a folder they all read
// (`<globalStorage>/shared/leadDesk.focus.state.json`).
//
// Why not `context.globalState`: VS Code keeps an extension's global state as one object and every
// window writes its whole copy back on each update. A window that had not yet heard of another
// window's change (a restore just finished, a block just stopped) put the old values of every key
// back the next time it stored anything at all, a queue snapshot included: a stopped block could
// run again, a finished restore was done a second time, a pin or a nudge's record could vanish.
// Here a write replaces one key's file and nothing else, and a rename makes it whole: a reader sees
// the old file or the new one.
//
// Reads are synchronous, as a Memento's are (the coordinator reads, decides and writes without an
// await in between), and cheap: a stat per read, the file read again only when it changed.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SharedStore } from '../core/focus/sharedStore';
import { errorText } from '../core/errorText';

const suffix = '.json';
/** Temporary files start with a dot, so they are never taken for a key. */
const tmpPrefix = '.';
/** A temporary file this old was left by a window that died mid-write. */
const staleTmpMs = 24 * 3600_000;

/** The error codes Windows gives while another process has the target open; the rename is retried. */
const busyCodes = new Set(['EPERM', 'EACCES', 'EBUSY']);
const renameAttempts = 8;

interface Cached {
  readonly signature: string;
  readonly text: string;
}

export class SharedFileStore implements SharedStore {
  /** Written here but maybe not on disk yet: what this window reads back at once (undefined: deleted). */
  private readonly pending = new Map<string, string | undefined>();
  /** One write at a time per key, in the order they were asked for. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly cache = new Map<string, Cached>();
  /** Keys already warned about, so a value that stays damaged is reported once. */
  private readonly warned = new Set<string>();
  private tmpCount = 0;
  /** Who watches which key (see watch); the folder is watched while anyone does. */
  private readonly listeners = new Map<string, Set<() => void>>();
  private watcher: FSWatcher | undefined;

  /** Creates the folder (mode 0700); throws when it cannot be made. */
  constructor(readonly dir: string, private readonly warn: (message: string) => void = () => undefined) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private file(key: string): string {
    return path.join(this.dir, encodeURIComponent(key) + suffix);
  }

  get<T>(key: string): T | undefined {
    const text = this.pending.has(key) ? this.pending.get(key) : this.readText(key);
    if (text === undefined) return undefined;
    try {
      // Parsed on every read, so no caller shares an object with another (as with a Memento's copies).
      return JSON.parse(text) as T;
    } catch {
      this.warnOnce(key, `The stored value "${key}" is not valid JSON; it is read as absent.`);
      return undefined;
    }
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(message);
  }

  private readText(key: string): string | undefined {
    const file = this.file(key);
    try {
      const stat = statSync(file, { throwIfNoEntry: false, bigint: true });
      if (!stat) {
        this.cache.delete(key);
        return undefined;
      }
      // Each write renames a new file into place: a new inode, and times to the nanosecond where the
      // file system keeps them, so a freed inode used again a moment later still reads as changed.
      const signature = `${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.size}`;
      const cached = this.cache.get(key);
      if (cached?.signature === signature) return cached.text;
      const text = readFileSync(file, 'utf8');
      this.cache.set(key, { signature, text });
      return text;
    } catch (err) {
      this.warnOnce(key, `Could not read the stored value "${key}" (${errorText(err)}); it is read as absent.`);
      return undefined;
    }
  }

  /** Every key with a value, as `Memento.keys()`. */
  keys(): readonly string[] {
    const found = new Set<string>();
    try {
      for (const name of readdirSync(this.dir)) {
        if (name.startsWith(tmpPrefix) || !name.endsWith(suffix)) continue;
        try {
          found.add(decodeURIComponent(name.slice(0, -suffix.length)));
        } catch {
          // A file this store did not name; not a key.
        }
      }
    } catch {
      // The folder was removed under us: no keys.
    }
    for (const [key, text] of this.pending) {
      if (text === undefined) found.delete(key);
      else found.add(key);
    }
    return [...found];
  }

  /** Replaces the key's value (undefined deletes it). Read back at once; on disk when the promise settles. */
  update(key: string, value: unknown): Promise<void> {
    const text = value === undefined ? undefined : JSON.stringify(value);
    this.pending.set(key, text);
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.persist(key, text));
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    return run.finally(() => {
      // The last write asked for has settled: the file says what this window reads from now on.
      if (this.queues.get(key) === tail) {
        this.queues.delete(key);
        this.pending.delete(key);
      }
    });
  }

  private async persist(key: string, text: string | undefined): Promise<void> {
    const file = this.file(key);
    if (text === undefined) {
      await unlink(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      return;
    }
    const tmp = path.join(this.dir, `${tmpPrefix}${encodeURIComponent(key)}.${process.pid}.${++this.tmpCount}.tmp`);
    // Made again if something removed it since (a storage clean-up): the value is not lost for that.
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    try {
      await writeFile(tmp, text, { mode: 0o600 });
      await renameOver(tmp, file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Calls `listener` when the key's file is replaced or removed, by any window (one folder watch for
   * all keys). Where the folder cannot be watched (the system's limit of watches reached), this
   * says so once and the key is only seen anew when it is next read.
   */
  watch(key: string, listener: () => void): { dispose(): void } {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    this.watchFolder();
    return {
      dispose: () => {
        set.delete(listener);
        if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
        if (this.listeners.size === 0) this.unwatchFolder();
      },
    };
  }

  private watchFolder(): void {
    if (this.watcher) return;
    try {
      this.watcher = watch(this.dir, { persistent: false }, (_event, name) => this.noticed(name));
      this.watcher.on('error', (err) => {
        this.unwatchFolder();
        this.warn(`Stopped watching the shared state for other windows' changes (${errorText(err)}); they show when this window next looks.`);
      });
    } catch (err) {
      this.warnOnce('', `Could not watch the shared state for other windows' changes (${errorText(err)}); they show when this window next looks.`);
    }
  }

  private unwatchFolder(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** A file of the folder changed: its key's listeners hear of it (all of them, where the system does not name the file). */
  private noticed(name: string | Buffer | null): void {
    const fileName = name?.toString();
    if (fileName?.startsWith(tmpPrefix)) return;
    for (const [key, set] of this.listeners) {
      if (fileName !== undefined && this.file(key) !== path.join(this.dir, fileName)) continue;
      for (const listener of [...set]) {
        try {
          listener();
        } catch (err) {
          this.warn(`A change to the stored value "${key}" could not be shown: ${errorText(err)}`);
        }
      }
    }
  }

  /** Settles when every write asked for so far is on disk (or failed): awaited before the host exits. */
  async settled(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  /** Removes temporary files left by windows that died mid-write; returns how many. */
  removeLeftovers(now: number): number {
    let removed = 0;
    try {
      for (const name of readdirSync(this.dir)) {
        if (!name.startsWith(tmpPrefix) || !name.endsWith('.tmp')) continue;
        const file = path.join(this.dir, name);
        const stat = statSync(file, { throwIfNoEntry: false });
        if (stat && now - stat.mtimeMs > staleTmpMs) {
          unlinkSync(file);
          removed++;
        }
      }
    } catch {
      // Left for the next start.
    }
    return removed;
  }
}

/** On Windows a rename over a file another window is reading fails for a moment: tried again. */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (attempt >= renameAttempts || !busyCodes.has(code) || process.platform !== 'win32') throw err;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}
