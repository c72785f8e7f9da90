import assert from 'node:assert/strict';
import { customSearchQuery, inSearchScope, maxSearchLength, planSearches, searchProblem } from '../../../src/core/queue/searchQueries';

const now = new Date('2026-03-04T12:00:00Z');
const base = { includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: [], customSections: [], now };

describe('queue search strings', () => {
  it('accepts an ordinary search', () => {
    assert.equal(searchProblem('is:open is:pr label:security org:acme'), undefined);
  });

  it('rejects searches GitHub would answer with 422', () => {
    assert.match(searchProblem('x'.repeat(257)) ?? '', /257 characters long; GitHub accepts at most 256/);
    assert.match(searchProblem('a OR b OR c OR d AND e NOT f OR g') ?? '', /6 AND\/OR\/NOT operators; GitHub accepts at most 5/);
    assert.match(searchProblem('   ') ?? '', /empty/);
    assert.match(searchProblem('label:"needs review') ?? '', /unclosed quote/);
  });

  it('does not count operators inside quotes or lower-case words', () => {
    assert.equal(searchProblem('"a OR b OR c OR d OR e OR f OR g" and or not'), undefined);
  });

  it('completes a custom search with is:pr, archived:false and draft:false unless the user said otherwise', () => {
    assert.equal(customSearchQuery('label:security org:acme', false), 'label:security org:acme is:pr archived:false draft:false');
    assert.equal(customSearchQuery('is:pr draft:true archived:true org:acme', false), 'is:pr draft:true archived:true org:acme');
    assert.equal(customSearchQuery('org:acme', true), 'org:acme is:pr archived:false');
  });

  it('plans the request, direct, mine and reviewed searches, drafts excluded by default', () => {
    const searches = planSearches(base);
    assert.deepEqual(searches.map((s) => s.alias), ['reviewRequested', 'direct', 'mine', 'reviewed']);
    assert.equal(searches[3].query, 'is:pr is:open archived:false reviewed-by:@me -author:@me -review-requested:@me draft:false sort:updated-desc');
    assert.equal(searches[3].detail, 'basic');
    assert.equal(searches[0].query, 'is:pr is:open archived:false review-requested:@me draft:false');
    assert.equal(searches[1].query, 'is:pr is:open archived:false user-review-requested:@me draft:false');
    assert.equal(searches[2].query, 'is:pr is:open archived:false author:@me draft:false');
    assert.deepEqual(searches.map((s) => s.detail), ['history', 'keys', 'history', 'basic']);
    assert.ok(!planSearches({ ...base, includeDrafts: true })[0].query.includes('draft:false'));
  });

  it('spreads many stale repositories over searches that each fit in 256 characters', () => {
    const repos = Array.from({ length: 40 }, (_, i) => `team-${i}/service-number-${i}`);
    const stale = planSearches({ ...base, staleRepos: repos, staleOrgs: ['acme-labs'] }).filter((s) => s.role === 'stale');
    assert.ok(stale.length > 2);
    for (const s of stale) assert.ok(s.query.length <= maxSearchLength, `${s.query.length}: ${s.query}`);
    const mentioned = stale.flatMap((s) => s.query.split(' ').filter((t) => t.startsWith('repo:')));
    assert.equal(mentioned.length, 40);
    assert.ok(stale.some((s) => s.query.includes('org:acme-labs')));
    assert.ok(stale.every((s) => s.query.includes('updated:<2026-03-03T20:00:00Z')), stale[0].query);
  });

  it('searches an owner with many listed repositories once, as user:OWNER, and keeps only the listed ones', () => {
    // 2,000 repositories in 15 organisations: listed one by one they took ~330 searches.
    const repos = Array.from({ length: 2000 }, (_, i) => `scale-org-${i % 15}/service-${i}`);
    const stale = planSearches({ ...base, staleRepos: [...repos, 'solo/one'], staleOrgs: ['watched'] }).filter((s) => s.role === 'stale');
    assert.equal(stale.length, 17);
    for (const s of stale) assert.equal(searchProblem(s.query), undefined, s.query);
    const owner = stale.find((s) => s.query.endsWith(' user:scale-org-3'));
    assert.ok(owner, stale.map((s) => s.query).join('\n'));
    assert.equal(owner.onlyRepos?.length, repos.filter((r) => r.startsWith('scale-org-3/')).length);
    assert.ok(inSearchScope(owner, { owner: 'Scale-Org-3', repo: 'Service-3' }));
    assert.ok(!inSearchScope(owner, { owner: 'scale-org-3', repo: 'unlisted' }));
    const solo = stale.find((s) => s.query.includes('repo:solo/one'));
    assert.ok(solo && solo.onlyRepos === undefined && inSearchScope(solo, { owner: 'solo', repo: 'one' }));
    assert.ok(stale.some((s) => s.query.endsWith(' org:watched') && s.onlyRepos === undefined));
  });

  it('keeps an owner with a few listed repositories as repo: terms', () => {
    const stale = planSearches({ ...base, staleRepos: ['acme/a', 'acme/b', 'acme/c', 'acme/d'], staleOrgs: [] }).filter((s) => s.role === 'stale');
    assert.equal(stale.length, 1);
    assert.deepEqual(stale[0].query.split(' ').filter((t) => t.startsWith('repo:')), ['repo:acme/a', 'repo:acme/b', 'repo:acme/c', 'repo:acme/d']);
    assert.equal(stale[0].onlyRepos, undefined);
  });

  it('drops repositories already covered by a listed org and duplicates in any case', () => {
    const stale = planSearches({ ...base, staleRepos: ['acme/web', 'ACME/web', 'other/api', 'other/API'], staleOrgs: ['acme'] }).filter((s) => s.role === 'stale');
    const terms = stale.flatMap((s) => s.query.split(' ').filter((t) => /^(repo|org):/.test(t)));
    assert.deepEqual(terms.sort(), ['org:acme', 'repo:other/api']);
  });

  it('adds valid custom sections and skips invalid ones', () => {
    const searches = planSearches({ ...base, customSections: [{ name: 'Security', query: 'label:security' }, { name: 'Broken', query: 'x', error: 'bad' }] });
    const custom = searches.filter((s) => s.role === 'custom');
    assert.deepEqual(custom.map((s) => [s.alias, s.section?.name]), [['custom0', 'Security']]);
  });
});
