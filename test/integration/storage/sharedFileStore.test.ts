// The shared state on real files: several instances over one folder play several windows.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SharedFileStore } from '../../../src/storage/sharedFileStore';
import { openSharedState, type OldState } from '../../../src/vscode/entry/sharedState';

describe('the shared state on files', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lead-desk-shared-state-'));
    dir = path.join(root, 'shared');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('shows one window what another wrote or deleted, and lists the keys', async () => {
    const a = new SharedFileStore(dir);
    const b = new SharedFileStore(dir);
    await a.update('leadDesk.focus.state', { revision: 1 });
    assert.deepEqual(b.get('leadDesk.focus.state'), { revision: 1 });
    await b.update('leadDesk.focus.state', { revision: 2 });
    assert.deepEqual(a.get('leadDesk.focus.state'), { revision: 2 }, 'a changed file is read again');
    await a.update('leadDesk.focus.lease', { holder: 'a' });
    assert.deepEqual([...b.keys()].sort(), ['leadDesk.focus.lease', 'leadDesk.focus.state']);
    await b.update('leadDesk.focus.lease', undefined);
    assert.equal(a.get('leadDesk.focus.lease'), undefined);
    assert.deepEqual(a.keys(), ['leadDesk.focus.state']);
    await b.update('leadDesk.focus.lease', undefined);
    assert.deepEqual(readdirSync(dir), ['leadDesk.focus.state.json'], 'no temporary file is left');
  });

  it("tells a window of another window's write or delete of a key it watches, and of no other key", async () => {
    const a = new SharedFileStore(dir);
    const b = new SharedFileStore(dir);
    const heard = { local: 0, nudges: 0 };
    const next = { local: () => undefined as void, nudges: () => undefined as void };
    const listen = (name: keyof typeof heard) => () => {
      heard[name]++;
      next[name]();
    };
    const call = (name: keyof typeof heard) => new Promise<void>((resolve) => (next[name] = resolve));
    const local = a.watch('leadDesk.queue.local', listen('local'));
    const nudges = a.watch('leadDesk.queue.nudges', listen('nudges'));
    try {
      let heardLocal = call('local');
      await b.update('leadDesk.queue.local', { pins: ['acme/api#1'], snoozes: [] });
      await heardLocal;
      assert.deepEqual(a.get('leadDesk.queue.local'), { pins: ['acme/api#1'], snoozes: [] });
      // Changes are told in the order they happened: the write above was told before this one.
      const heardNudges = call('nudges');
      await b.update('leadDesk.queue.nudges', { 'acme/api#1': 1 });
      await heardNudges;
      const localCalls = heard.local;
      heardLocal = call('local');
      await b.update('leadDesk.queue.local', undefined);
      await heardLocal;
      assert.equal(a.get('leadDesk.queue.local'), undefined);
      assert.equal(heard.nudges, 1, 'the nudges key was not written again');
      assert.ok(heard.local > localCalls);
      // Once nobody watches a key, its changes are told to nobody.
      local.dispose();
      const before = heard.local;
      await b.update('leadDesk.queue.local', { pins: [], snoozes: [] });
      const told = call('nudges');
      await b.update('leadDesk.queue.nudges', {});
      await told;
      assert.equal(heard.local, before);
    } finally {
      local.dispose();
      nudges.dispose();
    }
  });

  it("never puts back another key's old value: a write replaces its own key and nothing else", async () => {
    const a = new SharedFileStore(dir);
    const b = new SharedFileStore(dir);
    await a.update('leadDesk.focus.guard.githubStatus', { phase: 'engaged' });
    assert.equal(b.get<{ phase: string }>('leadDesk.focus.guard.githubStatus')?.phase, 'engaged');
    await a.update('leadDesk.focus.guard.githubStatus', { phase: 'released' });
    // B last read "engaged"; what it writes now is about another key only.
    await b.update('leadDesk.focus.state', { revision: 7 });
    await b.update('leadDesk.focus.lease', { holder: 'b' });
    assert.equal(a.get<{ phase: string }>('leadDesk.focus.guard.githubStatus')?.phase, 'released');
    assert.equal(b.get<{ phase: string }>('leadDesk.focus.guard.githubStatus')?.phase, 'released');
  });

  it('reads its own write back at once, keeps the order of writes to a key, and hands out copies', async () => {
    const a = new SharedFileStore(dir);
    const writes = Array.from({ length: 20 }, (_, i) => a.update('leadDesk.focus.state', { revision: i }));
    assert.deepEqual(a.get('leadDesk.focus.state'), { revision: 19 }, 'before any write has landed');
    void a.update('leadDesk.focus.lease', undefined);
    assert.ok(!a.keys().includes('leadDesk.focus.lease'));
    await Promise.all(writes);
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'leadDesk.focus.state.json'), 'utf8')), { revision: 19 });
    assert.deepEqual(new SharedFileStore(dir).get('leadDesk.focus.state'), { revision: 19 });
    const copy = a.get<{ revision: number }>('leadDesk.focus.state')!;
    copy.revision = -1;
    assert.deepEqual(a.get('leadDesk.focus.state'), { revision: 19 });
  });

  it('keeps the folder and files private to the user', async () => {
    const a = new SharedFileStore(dir);
    await a.update('leadDesk.focus.state', { revision: 1 });
    const modes = { dir: statSync(dir).mode & 0o777, file: statSync(path.join(dir, 'leadDesk.focus.state.json')).mode & 0o777 };
    // POSIX modes, as everywhere in this suite (its git tests run shell scripts too).
    assert.deepEqual(modes, { dir: 0o700, file: 0o600 });
  });

  it('reads a damaged file as absent and says so once, makes a removed folder again, and neither keeps nor reads back a write that failed', async () => {
    const warnings: string[] = [];
    const a = new SharedFileStore(dir, (m) => warnings.push(m));
    writeFileSync(path.join(dir, 'leadDesk.focus.state.json'), '{"revision": 3');
    assert.equal(a.get('leadDesk.focus.state'), undefined);
    assert.equal(a.get('leadDesk.focus.state'), undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /leadDesk\.focus\.state.*not valid JSON/);

    // The folder removed (a storage clean-up) is made again, and the write lands.
    rmSync(dir, { recursive: true });
    await a.update('leadDesk.focus.lease', { holder: 'a' });
    assert.deepEqual(new SharedFileStore(dir).get('leadDesk.focus.lease'), { holder: 'a' });
    // A file where the folder should be: the write cannot land.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    await assert.rejects(a.update('leadDesk.focus.lease', { holder: 'b' }), /EEXIST|ENOTDIR/);
    assert.equal(a.get('leadDesk.focus.lease'), undefined, 'what could not be stored is not shown as stored');
    assert.deepEqual(a.keys(), []);
  });

  it('removes temporary files a window left a day ago, and no others', () => {
    const a = new SharedFileStore(dir);
    const now = Date.now();
    const old = path.join(dir, '.leadDesk.focus.state.123.1.tmp');
    const fresh = path.join(dir, '.leadDesk.focus.state.456.1.tmp');
    writeFileSync(old, '{}');
    writeFileSync(fresh, '{}');
    writeFileSync(path.join(dir, 'leadDesk.focus.state.json'), '{}');
    utimesSync(old, new Date(now - 25 * 3600_000), new Date(now - 25 * 3600_000));
    assert.equal(a.removeLeftovers(now), 1);
    assert.deepEqual(readdirSync(dir).sort(), ['.leadDesk.focus.state.456.1.tmp', 'leadDesk.focus.state.json']);
    assert.deepEqual(a.keys(), ['leadDesk.focus.state'], 'a temporary file is not a key');
  });

  describe('opened for the editor', () => {
    /** A map with the Memento methods this code uses, standing in for VS Code's globalState. */
    function memento(values: Record<string, unknown>): OldState {
      const map = new Map(Object.entries(values));
      return {
        keys: () => [...map.keys()],
        get: <T>(key: string, fallback?: T) => (map.has(key) ? (map.get(key) as T) : fallback),
        update: (key: string, value: unknown) => {
          if (value === undefined) map.delete(key);
          else map.set(key, value);
          return Promise.resolve();
        },
      };
    }

    it('moves what every window changes from where an earlier version kept it, and leaves the caches in globalState', async () => {
      const globalState = memento({
        'leadDesk.focus.state': { revision: 4 },
        'leadDesk.focus.guard.githubStatus': { phase: 'engaged' },
        'leadDesk.queue.local': { pins: ['acme/api#1'] },
        'leadDesk.queue.nudges': {},
        'leadDesk.boundaries.dayEndedUntil': 5,
        'leadDesk.pulse.history': [],
        'leadDesk.auth.signedOut': true,
        'leadDesk.queue.snapshot': { fetchedAt: 1 },
        'leadDesk.queue.startupFace': { version: 1 },
        'leadDesk.auth.signedInLastTime': true,
      });
      const store = openSharedState(root, globalState, () => assert.fail('no warning'));
      assert.ok(store instanceof SharedFileStore);
      assert.deepEqual(store.get('leadDesk.focus.state'), { revision: 4 });
      assert.deepEqual(store.get('leadDesk.queue.local'), { pins: ['acme/api#1'] });
      assert.equal(store.get('leadDesk.auth.signedOut'), true);
      assert.deepEqual([...store.keys()].sort(), ['leadDesk.auth.signedOut', 'leadDesk.boundaries.dayEndedUntil', 'leadDesk.focus.guard.githubStatus', 'leadDesk.focus.state', 'leadDesk.pulse.history', 'leadDesk.queue.local', 'leadDesk.queue.nudges']);
      assert.deepEqual([...globalState.keys()].sort(), ['leadDesk.auth.signedInLastTime', 'leadDesk.queue.snapshot', 'leadDesk.queue.startupFace']);
      await store.settled();
      assert.deepEqual(openSharedState(root, memento({}), () => undefined).get('leadDesk.focus.guard.githubStatus'), { phase: 'engaged' }, 'on disk for the next window');
    });

    it('keeps a value already in the folder over an older copy left in globalState', () => {
      new SharedFileStore(dir);
      writeFileSync(path.join(dir, 'leadDesk.focus.state.json'), '{"revision":9}');
      const globalState = memento({ 'leadDesk.focus.state': { revision: 2 } });
      assert.deepEqual(openSharedState(root, globalState, () => undefined).get('leadDesk.focus.state'), { revision: 9 });
      assert.deepEqual(globalState.keys(), []);
    });

    it('falls back to globalState, and says why, when the folder cannot be made', async () => {
      const blocker = path.join(root, 'a-file');
      writeFileSync(blocker, '');
      const warnings: string[] = [];
      const globalState = memento({ 'leadDesk.focus.state': { revision: 1 } });
      const store = openSharedState(blocker, globalState, (m: string) => warnings.push(m));
      assert.deepEqual(store.get('leadDesk.focus.state'), { revision: 1 });
      await store.update('leadDesk.focus.lease', { holder: 'a' });
      assert.deepEqual(globalState.get('leadDesk.focus.lease'), { holder: 'a' });
      assert.deepEqual([...store.keys()].sort(), ['leadDesk.focus.lease', 'leadDesk.focus.state']);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /global state.*could not be made/);
    });
  });
});
