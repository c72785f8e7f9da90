// A saved expertise index whose lines parse but hold the wrong types (another tool, an older
// build, a damaged disk) must not load as if it were sound: it is rebuilt from git with exactly
// one warning, and the file left behind is sound again.
import assert from 'node:assert/strict';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { silentLogger, type Logger } from '../../../src/core/logger';
import { ExpertiseStore, type HistoryWindowSettings } from '../../../src/storage/expertiseStore';
import { TempGitRepo, makeTempDir } from './tempGitRepo';

const window: HistoryWindowSettings = { historyDays: 1095, maxCommits: 30_000, timeoutMs: 60_000 };
const ana = { name: 'Ana Lima', email: 'ana@acme.example' };
const ben = { name: 'Ben Okafor', email: 'ben@acme.example' };

type Json = unknown;
type Header = { index: Record<string, Json>; sampleShas: Record<string, Json> } & Record<string, Json>;

describe('delegation: a saved expertise index with wrongly typed records', () => {
  let repo: TempGitRepo;
  let storage: string;
  let file: string;
  let header: Header;
  let rows: Array<[string, Record<string, Json[][]>]>;
  const cleanup: string[] = [];

  before(async () => {
    repo = await TempGitRepo.create('damage');
    cleanup.push(repo.dir);
    await repo.commit(ana, ['src/net/tcp.c', 'src/net/udp.c'], 30);
    await repo.commit(ben, ['docs/guide.md'], 20, 'Docs', ['Reviewed-by: Ana Lima <ana@acme.example>']);
  });
  beforeEach(async () => {
    storage = await makeTempDir('storage');
    cleanup.push(storage);
    const first = new ExpertiseStore(storage, silentLogger);
    await first.get(repo.dir, window);
    await first.saved();
    const [saved] = (await readdir(storage)).filter((f) => f.endsWith('.json.gz'));
    assert.ok(saved, 'the index was saved');
    file = path.join(storage, saved);
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
    header = JSON.parse(lines[0]) as Header;
    rows = lines.slice(1).map((l) => JSON.parse(l) as [string, Record<string, Json[][]>]);
  });
  after(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  const save = (h: Json, r: Json[]) => writeFile(file, gzipSync([h, ...r].map((x) => JSON.stringify(x)).join('\n') + '\n'));

  function recording(): { log: Logger; warnings: string[] } {
    const warnings: string[] = [];
    return { log: { ...silentLogger, warn: (m: string) => void warnings.push(m) }, warnings };
  }

  /** Loads through a fresh store twice, as two refreshes would, and checks the file healed. */
  async function expectRebuiltOnce(what: string): Promise<void> {
    const { log, warnings } = recording();
    const store = new ExpertiseStore(storage, log);
    const first = await store.get(repo.dir, window);
    assert.equal(first.how, 'built', `${what}: a damaged index must not be used as it is`);
    assert.equal(first.index.commitCount, 2);
    await store.get(repo.dir, window);
    assert.equal(warnings.length, 1, `${what}: ${warnings.join('\n')}`);
    assert.match(warnings[0], /ignoring the saved expertise index/);

    const quiet = recording();
    const healed = await new ExpertiseStore(storage, quiet.log).get(repo.dir, window);
    assert.equal(healed.how, 'cached', `${what}: the rebuilt index was saved over the damaged one`);
    assert.deepEqual(quiet.warnings, []);
  }

  const tallyDamage: Array<[string, (tally: Json[]) => Json]> = [
    ['a value that is text', (t) => [t[0], 'lots', t[2], t[3], t[4]]],
    ['a count that is text', (t) => [t[0], t[1], t[2], '3', t[4]]],
    ['event times that are text', (t) => [t[0], t[1], t[2], t[3], 'abc']],
    ['an unknown role', (t) => ['boss', t[1], t[2], t[3], t[4]]],
  ];
  for (const [what, damage] of tallyDamage) {
    it(`adversarial: a row with ${what} is not loaded; the index is rebuilt with one warning`, async () => {
      const [rowPath, row] = rows[0];
      const [key] = Object.keys(row);
      await save(header, [[rowPath, { ...row, [key]: row[key].map(damage) }], ...rows.slice(1)]);
      await expectRebuiltOnce(what);
    });
  }

  // These made restoring throw even before rows were checked; they stay rebuilt with one warning.
  it('rebuilds with one warning when a line is not a [path, row] pair or a tally is cut short', async () => {
    const [rowPath, row] = rows[0];
    const [key] = Object.keys(row);
    const cutShort = [rowPath, { ...row, [key]: row[key].map((t) => t.slice(0, 3)) }];
    for (const line of [{ path: rowPath }, [rowPath, null], [7, row], [rowPath, { ana: 'x' }], cutShort]) {
      await save(header, [...rows, line]);
      await expectRebuiltOnce(JSON.stringify(line));
    }
  });

  it('adversarial: a header with wrongly typed counters, settings, identities or samples is not loaded', async () => {
    const damaged: Array<[string, Header]> = [
      ['commitCount as text', { ...header, index: { ...header.index, commitCount: '2' } }],
      ['half-life as text', { ...header, index: { ...header.index, settings: { halfLifeDays: '60', largeCommitFiles: 20 } } }],
      ['identities without parents', { ...header, index: { ...header.index, identities: { ...(header.index.identities as object), parent: null } } }],
      ['logins that are numbers', { ...header, index: { ...header.index, identities: { ...(header.index.identities as object), logins: { a: 1 } } } }],
      ['sample commits that are numbers', { ...header, sampleShas: { 'ana@acme.example': 5 } }],
      ['shallow as text', { ...header, shallow: 'no' }],
    ];
    for (const [what, h] of damaged) {
      await save(h, rows);
      await expectRebuiltOnce(what);
    }
  });
});
