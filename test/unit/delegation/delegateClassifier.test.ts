import assert from 'node:assert/strict';
import { defaultDelegateOptions, expertiseStanding, shouldDelegate } from '../../../src/core/delegation/delegateClassifier';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import { scoreExpertise } from '../../../src/core/delegation/expertiseScore';
import { isDependencyManifest, isDocsPath, isTestPath } from '../../../src/core/delegation/fileKinds';
import { NOW, alice, bob, commit, daysAgo, dave } from './commitFixtures';

const kinds = (d: ReturnType<typeof shouldDelegate>): string[] => d.reasons.map((r) => r.kind);
const big = (path: string) => ({ path, additions: 80, deletions: 40 });

describe('file kinds', () => {
  it('tells docs, tests and dependency manifests from code', () => {
    assert.ok(isDocsPath('README.md') && isDocsPath('docs/guide/intro.rst') && isDocsPath('LICENSE'));
    assert.ok(!isDocsPath('CMakeLists.txt') && !isDocsPath('src/main.c'));
    assert.ok(isTestPath('test/test-fs.c') && isTestPath('src/app.spec.ts') && isTestPath('pkg/server_test.go') && isTestPath('tests/test_api.py'));
    assert.ok(!isTestPath('src/testing.ts'));
    assert.ok(isDependencyManifest('package.json') && isDependencyManifest('web/yarn.lock') && isDependencyManifest('go.sum') && isDependencyManifest('requirements-dev.txt'));
    assert.ok(!isDependencyManifest('src/package.ts'));
  });
});

describe('shouldDelegate', () => {
  it('delegates docs-only, tests-only and dependency-only changes, saying why', () => {
    assert.deepEqual(kinds(shouldDelegate([big('README.md'), big('docs/a.md')], undefined)), ['docsOnly']);
    assert.deepEqual(kinds(shouldDelegate([big('test/test-fs.c'), big('test/test-tcp.c')], undefined)), ['testsOnly']);
    assert.deepEqual(kinds(shouldDelegate([big('package.json'), big('package-lock.json')], undefined)), ['dependencyBump']);
    assert.equal(shouldDelegate([big('go.mod')], undefined).reasons[0].text, 'only dependency manifests and lockfiles change');
  });

  it('delegates a small change, and only when line counts are known', () => {
    const d = shouldDelegate([{ path: 'src/a.c', additions: 3, deletions: 2 }], undefined);
    assert.deepEqual(kinds(d), ['small']);
    assert.equal(d.reasons[0].text, 'small change (5 lines)');
    assert.equal(shouldDelegate([{ path: 'src/a.c' }], undefined).delegate, false);
    assert.equal(shouldDelegate([{ path: 'src/a.c', additions: 15, deletions: 5 }], undefined).delegate, false, '20 lines is not under 20');
  });

  it('keeps a change with any path under keepPaths, whatever else is true', () => {
    const d = shouldDelegate([{ path: 'docs/a.md', additions: 1, deletions: 0 }, { path: 'src/auth/token.ts', additions: 1, deletions: 0 }], undefined, { ...defaultDelegateOptions, keepPaths: ['src/auth/', '*.pem'] });
    assert.equal(d.delegate, false);
    assert.deepEqual(d.reasons, []);
    assert.deepEqual(d.kept, [{ path: 'src/auth/token.ts', pattern: 'src/auth/' }]);
  });

  it('delegates code someone else clearly knows better than me', () => {
    const index = new ExpertiseIndex({ halfLifeDays: 60, largeCommitFiles: 20 });
    for (let i = 0; i < 4; i++) index.addCommit(commit({ author: dave, files: ['src/net/tcp.c'], reviewers: [bob], time: daysAgo(5 + i) }));
    index.addCommit(commit({ author: dave, files: ['src/net/udp.c'], reviewers: [alice], time: daysAgo(200) }));
    const result = scoreExpertise(index, ['src/net/tcp.c'], NOW);
    const me = index.identities.lookup(alice);
    const standing = expertiseStanding(result, me, new Set([index.identities.lookup(dave) as string]), (id) => index.identities.describe(id).name);
    assert.equal(standing.bestOther?.name, 'Bob Builder');
    const d = shouldDelegate([big('src/net/tcp.c')], standing);
    assert.deepEqual(kinds(d), ['othersKnowMore']);
    assert.equal(d.reasons[0].text, 'Bob Builder knows these files better than you');
  });

  it('does not delegate code I know as well as anyone', () => {
    const standing = { mine: 0.4, bestOther: { name: 'Bob', score: 0.5 } };
    assert.equal(shouldDelegate([big('src/net/tcp.c')], standing).delegate, false);
    assert.equal(shouldDelegate([big('src/net/tcp.c')], { mine: 0, bestOther: { name: 'Bob', score: 0.05 } }).delegate, false, 'nobody knows much');
  });

  it('never calls a change routine from a partial file list', () => {
    const firstHundred = (make: (i: number) => string) => Array.from({ length: 100 }, (_, i) => ({ path: make(i), additions: 0, deletions: 0 }));
    const expert = { mine: 0, bestOther: { name: 'Bob', score: 0.9 } };
    for (const files of [firstHundred((i) => `docs/page-${i}.md`), firstHundred((i) => `test/case-${i}.test.ts`), firstHundred((i) => `pkg${i}/package.json`)]) {
      assert.notDeepEqual(kinds(shouldDelegate(files, undefined)), [], 'the complete list is routine');
      assert.notDeepEqual(kinds(shouldDelegate(files, undefined, defaultDelegateOptions, 100)), [], 'a count equal to the list is complete');
      const partial = shouldDelegate(files, expert, defaultDelegateOptions, 250);
      assert.equal(partial.delegate, false, `${files[0].path}…: 100 of 250 files seen`);
      assert.deepEqual(partial.reasons, []);
    }
  });

  it('still names a keepPaths file among a partial list', () => {
    const d = shouldDelegate([big('docs/a.md'), big('src/auth/token.ts')], undefined, { ...defaultDelegateOptions, keepPaths: ['src/auth/'] }, 120);
    assert.equal(d.delegate, false);
    assert.deepEqual(d.kept, [{ path: 'src/auth/token.ts', pattern: 'src/auth/' }]);
  });

  it('says no for an empty change', () => {
    assert.equal(shouldDelegate([], undefined).delegate, false);
  });
});
