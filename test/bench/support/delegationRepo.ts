// A large, deterministic git history for the delegation benchmark, written with `git fast-import`
// (a `git commit` per commit would take an hour for 50,000) and cached under
// ~/.cache/lead-desk/bench/, so only the first run pays for it.
//
// What it looks like: 40 people, some with two email addresses (most of those joined by a
// .mailmap, the rest only by their name), each working mostly in one or two areas of a tree of
// ~3,200 files (src/<area>/<sub>/<file>, test/<area>/…, docs/); 1–5 files per commit, ~30% of
// commits with Reviewed-by (or Acked-by) trailers naming people from the same area, over the
// last 2.5 years. Commit dates are relative to the day the repository was generated (its
// "anchor"), so the whole history stays inside the reader's 3-year window for as long as the
// cache is reused (at most MAX_AGE_DAYS); after that a new one is generated.

import { spawn, execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Writable } from 'node:stream';
import { seededRandom } from '../../sandbox/scenarios/seededRandom.mjs';

const run = promisify(execFile);

/** Bump when the generator changes, so an old cache is never read as the new shape. */
const VERSION = 'v1';
const DAY_MS = 86_400_000;
/** How long a generated history may be reused: 2.5 years + this stays inside the 3-year window. */
const MAX_AGE_DAYS = 30;
const SPAN_DAYS = 912;
const META_FILE = 'lead-desk-bench.json';

// Isolated from the machine's git config (hooks, signing, gc) so generation is the same everywhere.
export const isolatedGitEnv: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };

export async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'gc.auto=0', ...args], { cwd, env: isolatedGitEnv, maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

export interface Person {
  readonly name: string;
  readonly email: string;
  /** A second address some people commit from (a personal one, or GitHub's noreply). */
  readonly otherEmail?: string;
  /** Listed in .mailmap (the others are joined only by their name). */
  readonly mailmapped: boolean;
  readonly areas: readonly string[];
  /** Relative share of commits. */
  readonly weight: number;
  /** Active between these fractions of the history: people join and leave. */
  readonly from: number;
  readonly until: number;
  readonly tz: string;
}

export interface Universe {
  readonly people: readonly Person[];
  readonly areas: readonly string[];
  /** area → sub-directory → files */
  readonly files: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  readonly tests: ReadonlyMap<string, readonly string[]>;
  readonly fileCount: number;
}

export interface GeneratedRepo {
  readonly dir: string;
  readonly commits: number;
  readonly headSha: string;
  /** Epoch ms the commit dates are relative to. */
  readonly anchor: number;
  readonly fileCount: number;
  /** Set when this call generated it (not taken from the cache). */
  readonly generatedMs?: number;
  /** How long generating took when it was done, as recorded in the cache. */
  readonly recordedGenerateMs: number;
  readonly universe: Universe;
}

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivan', 'José', 'Kai', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Ravi', 'Sara', 'Tom', 'Uma', 'Vera', 'Wes', 'Xin', 'Yara', 'Zoë', 'Aarav', 'Björn', 'Cleo', 'Dario', 'Esme', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Łukasz', 'Mei', 'Noor'];
const LAST = ['Novak', 'Silva', 'Mensah', 'Sato', 'Berg', 'Costa', 'Iyer', 'Moreau', 'Kowalski', 'Haddad', 'Okafor', 'Müller', 'Chen', 'Álvarez', 'Svensson', 'Durand', 'Shah', 'Rossi', 'Nakamura', 'Petrov'];
const AREAS = ['core', 'net', 'fs', 'auth', 'api', 'db', 'ui', 'cli', 'sched', 'crypto', 'cache', 'build'];
const SUBS = ['parser', 'io', 'util', 'proto', 'pool', 'codec', 'config', 'events', 'store', 'sync', 'http', 'tls', 'watch', 'queue'];
const STEMS = ['alloc', 'buffer', 'client', 'conn', 'decode', 'encode', 'error', 'handle', 'hash', 'init', 'list', 'loop', 'map', 'mutex', 'open', 'path', 'poll', 'read', 'retry', 'server', 'signal', 'stat', 'stream', 'string', 'thread', 'timer', 'tree', 'write', 'check', 'close', 'copy', 'dir', 'dns', 'env', 'file', 'idle', 'pipe', 'proc', 'tty', 'udp'];
const EXTS = ['c', 'c', 'c', 'h', 'h', 'cc'];
const VERBS = ['fix', 'add', 'refactor', 'speed up', 'document', 'remove', 'harden', 'test', 'simplify', 'rename'];
const THINGS = ['retry logic', 'error paths', 'buffer sizes', 'cache invalidation', 'input validation', 'logging', 'timeouts', 'shutdown order', 'a race on close', 'the fast path'];

const ascii = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();

/** People and files: the same for the main history and for commits added on top of it. */
export function buildUniverse(seed = 1): Universe {
  const r = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const files = new Map<string, Map<string, string[]>>();
  const tests = new Map<string, string[]>();
  let fileCount = 0;
  for (const area of AREAS) {
    const subs = new Map<string, string[]>();
    const subCount = int(6, 10);
    const start = int(0, SUBS.length - 1);
    for (let s = 0; s < subCount; s++) {
      const sub = SUBS[(start + s) % SUBS.length];
      const list: string[] = [];
      const n = int(22, 40);
      for (let f = 0; f < n; f++) list.push(`src/${area}/${sub}/${STEMS[(f * 7 + s) % STEMS.length]}${f >= STEMS.length ? f : ''}.${EXTS[(f + s) % EXTS.length]}`);
      const unique = [...new Set(list)];
      subs.set(sub, unique);
      fileCount += unique.length;
    }
    files.set(area, subs);
    const t = Array.from({ length: int(20, 40) }, (_, i) => `test/${area}/test-${STEMS[i % STEMS.length]}${i >= STEMS.length ? i : ''}.c`);
    tests.set(area, t);
    fileCount += t.length + 1; // + docs/<area>.md
  }

  const people: Person[] = [];
  const tzs = ['+0000', '+0100', '+0200', '-0500', '-0800', '+0530', '+0900'];
  for (let i = 0; i < 40; i++) {
    const first = FIRST[i];
    const last = LAST[(i * 7) % LAST.length];
    const email = `${ascii(first)}.${ascii(last)}@acme.example`;
    // Every fifth person also commits from a second address; two of them use GitHub's noreply one.
    const second = i % 5 === 2;
    const otherEmail = !second ? undefined : i % 10 === 2 ? `${ascii(first)}${ascii(last)[0]}@mail.example` : `${1000 + i}+${ascii(first)}-${ascii(last)}@users.noreply.github.com`;
    const home = AREAS[i % AREAS.length];
    const areas = r() < 0.5 ? [home] : [home, AREAS[int(0, AREAS.length - 1)]];
    // A few people carry most of the work, as in real projects.
    const weight = 1 / (1 + (i % 13)) + r() * 0.2;
    const joinsLate = r() < 0.2;
    const leavesEarly = !joinsLate && r() < 0.15;
    people.push({
      name: `${first} ${last}`,
      email,
      ...(otherEmail ? { otherEmail } : {}),
      mailmapped: second && i % 3 !== 0,
      areas: [...new Set(areas)],
      weight,
      from: joinsLate ? 0.3 + r() * 0.5 : 0,
      until: leavesEarly ? 0.3 + r() * 0.5 : 1,
      tz: tzs[i % tzs.length],
    });
  }
  return { people, areas: AREAS, files, tests, fileCount };
}

export function mailmapText(universe: Universe): string {
  return universe.people
    .filter((p) => p.mailmapped && p.otherEmail)
    .map((p) => `${p.name} <${p.email}> <${p.otherEmail}>\n`)
    .join('');
}

interface CommitPlan {
  readonly author: Person;
  readonly authorEmail: string;
  readonly time: number;
  readonly message: string;
  readonly files: readonly string[];
}

/** Picks who changed what; its random source is separate from the universe's, so commits added later differ from the history. */
class CommitPlanner {
  private readonly byArea = new Map<string, Person[]>();

  constructor(
    private readonly u: Universe,
    private readonly r: () => number,
  ) {
    for (const p of u.people) {
      for (const a of p.areas) {
        const list = this.byArea.get(a);
        if (list) list.push(p);
        else this.byArea.set(a, [p]);
      }
    }
  }

  plan(time: number, progress: number): CommitPlan {
    const r = this.r;
    const active = this.u.people.filter((p) => progress >= p.from && progress <= p.until);
    const author = this.weighted(active.length > 0 ? active : this.u.people);
    const area = r() < 0.85 ? author.areas[Math.floor(r() * author.areas.length)] : this.u.areas[Math.floor(r() * this.u.areas.length)];
    const subs = [...this.u.files.get(area)!.entries()];
    // Skewed towards the first sub-directories and files: every tree has its hot spots.
    const [subName, subFiles] = subs[Math.floor(r() ** 1.6 * subs.length)];
    const n = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5][Math.floor(r() * 11)];
    const files = new Set<string>();
    while (files.size < n) {
      const roll = r();
      if (roll < 0.12 && n > 1) files.add(this.pick(this.u.tests.get(area)!));
      else if (roll < 0.14) files.add(`docs/${area}.md`);
      else if (roll < 0.2) files.add(this.pick(subs[Math.floor(r() * subs.length)][1]));
      else files.add(subFiles[Math.floor(r() ** 2 * subFiles.length)]);
    }

    const lines = [`${area}/${subName}: ${this.pick(VERBS)} ${this.pick(THINGS)}`];
    if (r() < 0.5) lines.push('', `The ${this.pick(THINGS)} in ${subName} needed another look after the last change.`);
    const trailers: string[] = [];
    if (r() < 0.3) {
      const candidates = (this.byArea.get(area) ?? []).filter((p) => p !== author && progress >= p.from && progress <= p.until);
      const pool = candidates.length > 0 && r() < 0.85 ? candidates : this.u.people.filter((p) => p !== author);
      const count = r() < 0.12 ? 2 : 1;
      const chosen = new Set<Person>();
      while (chosen.size < Math.min(count, pool.length)) chosen.add(this.weighted(pool));
      for (const p of chosen) {
        const key = r() < 0.05 ? 'Acked-by' : r() < 0.1 ? 'Reviewed-By' : 'Reviewed-by';
        const roll = r();
        const who = roll < 0.12 ? p.name : roll < 0.2 && p.otherEmail ? `${p.name} <${p.otherEmail}>` : `${p.name} <${p.email}>`;
        trailers.push(`${key}: ${who}`);
      }
    }
    if (r() < 0.02) {
      const co = this.pick(this.u.people.filter((p) => p !== author));
      trailers.push(`Co-authored-by: ${co.name} <${co.email}>`);
    }
    if (trailers.length > 0) lines.push('', ...trailers);
    const authorEmail = author.otherEmail && r() < 0.35 ? author.otherEmail : author.email;
    return { author, authorEmail, time, message: `${lines.join('\n')}\n`, files: [...files] };
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }

  private weighted(people: readonly Person[]): Person {
    let total = 0;
    for (const p of people) total += p.weight;
    let x = this.r() * total;
    for (const p of people) if ((x -= p.weight) <= 0) return p;
    return people[people.length - 1];
  }
}

/** One `data` block: fast-import counts bytes, not characters (names like "Zoë" are two bytes longer). */
const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;

function commitText(c: CommitPlan, content: (file: string) => string, from?: string, extra: Record<string, string> = {}): string {
  const seconds = Math.floor(c.time / 1000);
  const ident = `${c.author.name} <${c.authorEmail}> ${seconds} ${c.author.tz}`;
  let out = `commit refs/heads/main\nauthor ${ident}\ncommitter ${ident}\n${data(c.message)}`;
  if (from) out += `from ${from}\n`;
  for (const [path, text] of Object.entries(extra)) out += `M 100644 inline ${path}\n${data(text)}`;
  for (const f of c.files) out += `M 100644 inline ${f}\n${data(content(f))}`;
  return out;
}

/** Writes commits to `git fast-import` as they are planned, honouring back-pressure. */
async function fastImport(dir: string, write: (emit: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  // glibc's malloc gives memory back after every object fast-import deltas and asks for it again:
  // ~25 brk calls per commit, 10 s of system time per 5,000 commits here. A top pad of 256 MB
  // keeps the heap, and generation goes from minutes to seconds.
  const env = { ...isolatedGitEnv, MALLOC_TOP_PAD_: String(256 << 20) };
  const child = spawn('git', ['-c', 'gc.auto=0', 'fast-import', '--quiet', '--done'], { cwd: dir, env, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const stdin: Writable = child.stdin;
  // A write after fast-import died would otherwise throw EPIPE here instead of its own message.
  stdin.on('error', () => undefined);
  let buffered = '';
  const flush = async (): Promise<void> => {
    if (buffered === '') return;
    const ok = stdin.write(buffered);
    buffered = '';
    if (!ok) await new Promise<void>((resolve) => stdin.once('drain', resolve));
  };
  await write(async (text) => {
    buffered += text;
    if (buffered.length > 1 << 20) await flush();
  });
  buffered += 'done\n';
  await flush();
  stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (${String(code)}): ${stderr}`);
}

/** Writes `count` commits spread over SPAN_DAYS before `anchor` into a new repository at `dir`. */
async function generate(dir: string, universe: Universe, count: number, anchor: number): Promise<void> {
  await git(dir, ['init', '-q', '-b', 'main']);
  const planner = new CommitPlanner(universe, seededRandom(42));
  const start = anchor - SPAN_DAYS * DAY_MS;
  const step = (SPAN_DAYS * DAY_MS - 3_600_000) / count;
  const jitter = seededRandom(7);
  await fastImport(dir, async (emit) => {
    for (let i = 0; i < count; i++) {
      // Increasing dates with some jitter inside each commit's slot.
      const time = start + (i + 0.5 + (jitter() - 0.5) * 0.8) * step;
      const plan = planner.plan(time, i / count);
      const extra: Record<string, string> = i === 0 ? { '.mailmap': mailmapText(universe), 'README.md': '# bench\n' } : {};
      await emit(commitText(plan, () => `${i}\n`, undefined, extra));
    }
  });
  // A work tree, as an editor has one: the reader reads .mailmap from it.
  await git(dir, ['read-tree', '--reset', '-u', 'HEAD']);
}

/**
 * Adds `count` commits on top of main, dated in the minutes before `now`, and returns their shas
 * oldest first. Only for a copy: never call it on the cached repository.
 */
export async function addCommits(dir: string, universe: Universe, count: number, now: number, seed = 99): Promise<string[]> {
  const planner = new CommitPlanner(universe, seededRandom(seed));
  await fastImport(dir, async (emit) => {
    for (let i = 0; i < count; i++) {
      const plan = planner.plan(now - (count - i) * 60_000, 1);
      await emit(commitText(plan, () => `added ${seed} ${i}\n`, i === 0 ? 'refs/heads/main^0' : undefined));
    }
  });
  return (await git(dir, ['rev-list', '--reverse', `--max-count=${count}`, 'main'])).trim().split('\n');
}

interface Meta {
  readonly version: string;
  readonly commits: number;
  readonly anchor: number;
  readonly headSha: string;
  readonly generateMs: number;
  readonly fileCount: number;
}

export function benchCacheDir(): string {
  return join(process.env.LEAD_DESK_CACHE ?? join(homedir(), '.cache', 'lead-desk'), 'bench');
}

const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The cached repository with `commits` commits, generated first if there is none young enough. */
export async function generatedRepo(commits: number): Promise<GeneratedRepo> {
  const universe = buildUniverse();
  const root = benchCacheDir();
  await mkdir(root, { recursive: true });
  const prefix = `delegation-${commits}-${VERSION}-`;
  const entries = (await readdir(root)).filter((e) => e.startsWith(prefix));

  // A temporary directory left by a killed run is removed once its process is gone.
  for (const e of entries.filter((n) => n.includes('.tmp-'))) {
    const pid = Number(e.slice(e.lastIndexOf('-') + 1));
    if (!isAlive(pid)) await rm(join(root, e), { recursive: true, force: true });
  }

  const now = Date.now();
  for (const e of entries.filter((n) => !n.includes('.tmp-')).sort().reverse()) {
    const dir = join(root, e);
    const meta = await readMeta(dir);
    if (meta && meta.version === VERSION && meta.commits === commits && now - meta.anchor <= MAX_AGE_DAYS * DAY_MS) {
      return { dir, commits, headSha: meta.headSha, anchor: meta.anchor, fileCount: meta.fileCount, recordedGenerateMs: meta.generateMs, universe };
    }
    // Too old (its first commits are leaving the window) or unreadable: make room for a new one.
    await rm(dir, { recursive: true, force: true });
  }

  // Dates are anchored at the start of today (UTC), so the cache's name says which day it is from.
  const anchor = Math.floor(now / DAY_MS) * DAY_MS;
  const dir = join(root, `${prefix}${dayOf(anchor)}`);
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const started = performance.now();
  try {
    await generate(tmp, universe, commits, anchor);
    const headSha = (await git(tmp, ['rev-parse', 'HEAD'])).trim();
    const counted = Number((await git(tmp, ['rev-list', '--count', 'HEAD'])).trim());
    if (counted !== commits) throw new Error(`generated ${counted} commits, expected ${commits}`);
    const generateMs = Math.round(performance.now() - started);
    const meta: Meta = { version: VERSION, commits, anchor, headSha, generateMs, fileCount: universe.fileCount };
    await writeFile(join(tmp, '.git', META_FILE), JSON.stringify(meta));
    // Only a complete repository ever gets the final name.
    await rename(tmp, dir);
    return { dir, commits, headSha, anchor, fileCount: universe.fileCount, generatedMs: generateMs, recordedGenerateMs: generateMs, universe };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

async function readMeta(dir: string): Promise<Meta | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, '.git', META_FILE), 'utf8')) as Meta;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
