import assert from 'node:assert/strict';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import { scoreExpertise } from '../../../src/core/delegation/expertiseScore';
import { suggestReviewers } from '../../../src/core/delegation/suggestReviewers';
import { readBeforeBuild, refreshExpertiseIndex } from '../../../src/git/expertiseRefresh';
import { openGitSession } from '../../../src/git/gitSession';
import { inspectRepository } from '../../../src/git/repository';
import { withCountingGit } from './countingGit';
import { TempRepo, git } from './tempRepo';

const ben = { name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' };
const colin = { name: 'Colin Ihrig', email: 'cjihrig@gmail.com' };
const santiago = { name: 'Santiago Gimeno', email: 'santiago.gimeno@gmail.com' };
const NOW = Date.parse('2024-06-01T00:00:00Z');

describe('expertise index from a real repository', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  beforeEach(async () => {
    repo = await TempRepo.create();
    // Colin used to commit as "cjihrig <colin@old.example>"; .mailmap says who that is.
    await repo.writeFile('.mailmap', 'Colin Ihrig <cjihrig@gmail.com> <colin@old.example>\n');
    await repo.commit({ author: { name: 'cjihrig', email: 'colin@old.example' }, date: '2024-01-01T00:00:00Z', message: 'unix: one', files: { 'src/unix/a.c': '1' } });
    await repo.commit({ author: ben, date: '2024-01-05T00:00:00Z', message: 'unix: two\n\nReviewed-By: cjihrig <colin@old.example>', files: { 'src/unix/a.c': '2' } });
    await repo.commit({ author: santiago, date: '2024-01-09T00:00:00Z', message: 'unix: three\n\nReviewed-By: Colin Ihrig <cjihrig@gmail.com>', files: { 'src/unix/b.c': '1' } });
  });

  afterEach(async () => {
    await repo.remove();
  });

  it('merges the author line (via git\'s mailmap) and trailers (via the .mailmap file) into one person', async () => {
    const { index, mode } = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW });
    assert.equal(mode, 'rebuilt');
    const colinId = index.identities.lookup(colin);
    assert.ok(colinId);
    assert.equal(index.identities.lookup({ email: 'colin@old.example' }), colinId);
    assert.equal(index.personTimes('src/unix/', colinId, 'author').count, 1, 'the old-email commit counts for Colin');
    assert.equal(index.personTimes('src/unix/', colinId, 'review').count, 2, 'both trailer spellings count for Colin');
    const [top] = suggestReviewers(index, { touchedPaths: ['src/unix/a.c'], now: NOW, exclude: [ben] });
    assert.equal(top.person.name, 'Colin Ihrig');
  });

  it('folds a page of commits in slices, handing the event loop back whenever a slice used its budget', async () => {
    // A clock that moves 4 ms each time it is read, against a 3 ms budget: every commit fills a slice.
    let time = 0;
    const pausedAt: number[] = [];
    const pagesSeen: number[] = [];
    const slices = {
      budgetMs: 3,
      now: () => (time += 4),
      pause: () => {
        pausedAt.push(time);
        return new Promise<void>((resolve) => setImmediate(resolve));
      },
    };
    const { index } = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, slices, onPage: (page) => void pagesSeen.push(page.length) });
    assert.deepEqual(pagesSeen, [3], 'the history is one page');
    assert.equal(pausedAt.length, 3, 'a pause after each commit of the page');
    assert.equal(index.commitCount, 3, 'every commit is indexed all the same');
  });

  it('reuses an index at HEAD, and reads only new commits when HEAD moves on', async () => {
    const first = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW });
    assert.equal(first.commitsRead, 3);
    const again = await refreshExpertiseIndex(repo.dir, first.index, { now: () => NOW });
    assert.equal(again.mode, 'upToDate');
    assert.equal(again.commitsRead, 0);

    // Store and reload, as the extension does between sessions.
    const stored = ExpertiseIndex.fromJSON(JSON.parse(JSON.stringify(first.index)));
    await repo.commit({ author: colin, date: '2024-02-01T00:00:00Z', message: 'unix: four\n\nReviewed-by: Ben Noordhuis', files: { 'src/unix/c.c': '1' } });
    const head = await repo.commit({ author: ben, date: '2024-02-02T00:00:00Z', message: 'win: five\n\nReviewed-by: Santiago Gimeno <santiago.gimeno@gmail.com>', files: { 'src/win/a.c': '1' } });
    const next = await refreshExpertiseIndex(repo.dir, stored, { now: () => NOW });
    assert.equal(next.mode, 'incremental');
    assert.equal(next.commitsRead, 2);
    assert.equal(next.index.headSha, head);
    assert.equal(next.index.commitCount, 5);

    const rebuilt = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW });
    const paths = ['src/unix/a.c', 'src/win/a.c', 'src/unix/new.c'];
    const a = scoreExpertise(rebuilt.index, paths, NOW).people;
    const b = scoreExpertise(next.index, paths, NOW).people;
    assert.deepEqual(b.map((p) => p.personId), a.map((p) => p.personId));
    b.forEach((p, i) => assert.ok(Math.abs(p.total - a[i].total) < 1e-9));
  });

  it('brings an index up to date with one git log and no repeated checks of the same commit', async () => {
    const first = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW });
    await repo.commit({ author: colin, date: '2024-02-01T00:00:00Z', message: 'unix: four', files: { 'src/unix/c.c': '1' } });
    const { result: update, commands } = await withCountingGit((binary) => refreshExpertiseIndex(repo.dir, first.index, { now: () => NOW, binary }));
    assert.equal(update.mode, 'incremental');
    assert.equal(update.commitsRead, 1);
    assert.equal(commands.filter((c) => / log /.test(` ${c} `)).length, 1, commands.join('\n'));
    const verified = commands.filter((c) => c.startsWith('rev-parse --verify'));
    assert.equal(new Set(verified).size, verified.length, `a commit was checked twice:\n${commands.join('\n')}`);
    assert.ok(commands.length <= 7, `${commands.length} git processes:\n${commands.join('\n')}`);
  });

  it('starts a cold build with one rev-parse, then the log: no version probe, no repository checks in a row', async () => {
    const { result: built, commands } = await withCountingGit((binary) => refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, binary, indexWorker: false }));
    assert.equal(built.mode, 'rebuilt');
    assert.equal(built.index.headSha, (await git(repo.dir, ['rev-parse', 'HEAD'])).trim());
    // Two processes: the work tree's top, its depth and HEAD's commit come from one.
    const verbs = commands.map((c) => c.replace(/^-c \S+ /, '').split(' ').slice(0, 2).join(' '));
    assert.deepEqual(verbs, ['rev-parse --show-toplevel', 'log --no-color'], commands.join('\n'));
  });

  it('reads the window from HEAD beside the inspection when a first build could go to the worker, and folds a short one here without reading it again', async () => {
    // A worker script that cannot start: the early read decides before any worker is tried.
    const { result: built, commands } = await withCountingGit((binary) => refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, binary, indexWorker: '/nowhere/indexWorker.js' }));
    assert.equal(built.mode, 'rebuilt');
    assert.equal(built.offThread, undefined);
    const verbs = commands.map((c) => c.replace(/^-c \S+ /, '').split(' ').slice(0, 2).join(' '));
    // HEAD, not the sha the inspection finds: the count and the read do not wait for it, and the
    // read is the only one.
    assert.deepEqual(verbs.sort(), ['log --no-color', 'rev-list --count', 'rev-parse --show-toplevel'], commands.join('\n'));
    assert.match(commands.find((c) => / log /.test(c)) ?? '', / --max-count=501 --end-of-options HEAD$/);
    const plain = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, indexWorker: false });
    assert.deepEqual(built.index.toJSON(), plain.index.toJSON());
    assert.deepEqual([...built.latestShaByEmail], [...plain.latestShaByEmail]);
  });

  it('reads the window again from the commit the inspection found when HEAD moved after the early read', async () => {
    const session = await openGitSession(repo.dir);
    const early = readBeforeBuild(session, {});
    assert.ok(early);
    const before = await early.commits;
    assert.ok(before, 'a short window is read whole');
    await repo.commit({ author: ben, date: '2024-02-20T00:00:00Z', message: 'meanwhile', files: { 'src/meanwhile.c': '1' } });
    try {
      const info = await inspectRepository(session);
      assert.notEqual(before[0].sha, info.headSha);
      const built = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, opened: { session, info }, windowStart: early, indexWorker: '/nowhere/indexWorker.js' });
      assert.equal(built.index.headSha, info.headSha);
      assert.equal(built.commitsRead, before.length + 1, 'the commit made in between is in the index');
      assert.ok(built.index.knownFiles().includes('src/meanwhile.c'));
    } finally {
      await git(repo.dir, ['reset', '-q', '--hard', 'HEAD~1']);
    }
  });

  it('rebuilds when history was rewritten under the index', async () => {
    const first = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW });
    await git(repo.dir, ['reset', '-q', '--hard', 'HEAD~1']);
    await repo.commit({ author: ben, date: '2024-03-01T00:00:00Z', message: 'other', files: { 'x.c': '1' } });
    const next = await refreshExpertiseIndex(repo.dir, first.index, { now: () => NOW });
    assert.equal(next.mode, 'rebuilt');
    assert.equal(next.rebuildReason, 'history was rewritten');
    assert.equal(next.index.commitCount, 3);
    assert.notEqual(next.index, first.index);
  });

  it('rebuilds from a clean window when more new commits arrived than the window holds, and reports every page', async () => {
    const first = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, maxCommits: 3 });
    for (let i = 0; i < 4; i++) {
      await repo.commit({ author: ben, date: `2024-02-0${i + 1}T00:00:00Z`, message: `more ${i}`, files: { [`src/more${i}.c`]: '1' } });
    }
    const pages: number[] = [];
    const next = await refreshExpertiseIndex(repo.dir, first.index, { now: () => NOW, maxCommits: 3, onPage: (page) => void pages.push(page.length) });
    assert.equal(next.mode, 'rebuilt');
    assert.equal(next.rebuildReason, 'more new commits than the window holds');
    assert.equal(next.truncated, true);
    assert.equal(next.index.commitCount, 3, 'the rebuilt index holds exactly the capped window');
    assert.notEqual(next.index, first.index, 'the earlier index is not mixed with a cut-off window');
    assert.ok(pages.length >= 2 && pages.every((n) => n > 0), `onPage saw the incremental read and the rebuild: ${pages.join(',')}`);
  });

  it('rebuilds when the half-life setting changed', async () => {
    const first = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW });
    const next = await refreshExpertiseIndex(repo.dir, first.index, { now: () => NOW, settings: { halfLifeDays: 365, largeCommitFiles: 20 } });
    assert.equal(next.mode, 'rebuilt');
    assert.equal(next.rebuildReason, 'settingsChanged');
    assert.equal(next.index.settings.halfLifeDays, 365);
  });
});
