import assert from 'node:assert/strict';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import type { CommitRecord, RawIdentity } from '../../../src/core/delegation/types';
import { chooseShown, findCandidates, type CandidateSources, type FindCandidatesInput } from '../../../src/core/delegation/findCandidates';
import type { RankedCandidate } from '../../../src/core/delegation/rankCandidates';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const DAY = 86_400_000;

let seq = 0;
function commit(author: RawIdentity, files: string[], daysAgo: number, reviewers: RawIdentity[] = []): CommitRecord {
  seq++;
  return { sha: seq.toString(16).padStart(40, '0'), time: NOW - daysAgo * DAY, author, coAuthors: [], reviewers, files, merge: false };
}

const ada = { name: 'Ada Byron', email: 'ada@corp.example' };
const bob = { name: 'Bob Stone', email: '77+bobs@users.noreply.github.com' };
const lead = { name: 'Lee Adams', email: 'lee@corp.example' };
const author = { name: 'Pat Author', email: 'pat@users.noreply.github.com' };

function index(): ExpertiseIndex {
  const i = new ExpertiseIndex();
  for (let d = 0; d < 6; d++) i.addCommit(commit(ada, ['src/io/fs.c'], 50 - d));
  for (let d = 0; d < 4; d++) i.addCommit(commit(bob, ['src/io/fs.c', 'src/io/tcp.c'], 30 - d, [ada]));
  for (let d = 0; d < 8; d++) i.addCommit(commit(lead, ['src/io/fs.c'], 10 - d));
  for (let d = 0; d < 8; d++) i.addCommit(commit(author, ['src/io/tcp.c'], 5 - d / 2));
  return i;
}

function input(extra: Partial<FindCandidatesInput> = {}): FindCandidatesInput {
  return { index: index(), touchedPaths: ['src/io/fs.c', 'src/io/tcp.c'], now: NOW, author: 'pat', me: 'lee-gh', mapping: { 'lee@corp.example': 'lee-gh' }, knownEmails: new Map(), sampleSha: () => undefined, ...extra };
}

describe('finding candidates (pure, with fake GitHub sources)', () => {
  it('never suggests the author or me, even when my login comes only from the mapping', async () => {
    const found = await findCandidates(input(), {});
    const names = found.rows.map((r) => r.name);
    assert.deepEqual([...names].sort(), ['Ada Byron', 'Bob Stone']);
    assert.equal(found.rows.find((r) => r.name === 'Bob Stone')?.login, 'bobs');
    assert.equal(found.rows.find((r) => r.name === 'Bob Stone')?.loginSource, 'history');
  });

  it('never suggests me when my commits are linked to my login only by my GitHub name', async () => {
    const unmapped = input({ mapping: {} });
    const withoutName = await findCandidates(unmapped, {});
    assert.ok(withoutName.rows.some((r) => r.name === 'Lee Adams'), 'unlinked, my commits look like someone else');
    const found = await findCandidates({ ...unmapped, myName: 'Lee Adams' }, {});
    assert.deepEqual(found.rows.map((r) => r.name).sort(), ['Ada Byron', 'Bob Stone']);
  });

  it('asks for load and availability once, for the logins of the pool only', async () => {
    const calls: string[][] = [];
    const sources: CandidateSources = {
      reviewLoad: (logins) => {
        calls.push(['load', ...logins]);
        return Promise.resolve(new Map([['bobs', 6]]));
      },
      availability: (logins) => {
        calls.push(['availability', ...logins]);
        return Promise.resolve(new Map([['bobs', { available: false, message: 'Away' }]]));
      },
    };
    const found = await findCandidates(input(), sources);
    assert.deepEqual(calls, [['load', 'bobs'], ['availability', 'bobs']], 'Ada has no login, so only Bob is asked about');
    const bob = found.rows.find((r) => r.login === 'bobs');
    assert.equal(bob?.openReviews, 6);
    assert.equal(bob?.available, false);
    assert.equal(found.rows[found.rows.length - 1].login, 'bobs', 'busy and loaded sorts last');
    const ada = found.rows.find((r) => r.name === 'Ada Byron');
    assert.match(ada?.notRequestable ?? '', /No GitHub login known yet for ada@corp\.example/);
  });

  it('learns logins from commit samples and remembers the answers', async () => {
    const asked: string[] = [];
    const found = await findCandidates(input({ sampleSha: (email) => (email === 'ada@corp.example' ? 'a'.repeat(40) : undefined) }), {
      commitLogins: (samples) => {
        asked.push(...samples.map((s) => s.email));
        return Promise.resolve(new Map([['a'.repeat(40), 'ada-gh']]));
      },
    });
    assert.deepEqual(asked, ['ada@corp.example']);
    assert.equal(found.rows.find((r) => r.name === 'Ada Byron')?.login, 'ada-gh');
    assert.deepEqual([...found.learnedEmails], [['ada@corp.example', 'ada-gh']]);
  });

  it('asks about the people it knows beside the commit lookups, and after them only about those the commits named', async () => {
    // The commit lookup answers only once Bob's availability was asked: asked only after that
    // answer, it never would be (and the test would time out).
    let bobAsked: () => void = () => undefined;
    const commitsAnswered = new Promise<void>((resolve) => (bobAsked = resolve)).then(() => new Map<string, string | null>([['a'.repeat(40), 'ada-gh']]));
    const asked: string[][] = [];
    const sources: CandidateSources = {
      commitLogins: () => commitsAnswered,
      reviewLoad: (logins) => {
        asked.push(['load', ...logins]);
        return Promise.resolve(new Map(logins.map((l) => [l.toLowerCase(), 3])));
      },
      availability: (logins) => {
        asked.push(['availability', ...logins]);
        if (logins.includes('bobs')) bobAsked();
        return Promise.resolve(new Map(logins.map((l) => [l.toLowerCase(), { available: true }])));
      },
    };
    const found = await findCandidates(input({ sampleSha: (email) => (email === 'ada@corp.example' ? 'a'.repeat(40) : undefined) }), sources);
    assert.deepEqual(asked, [['load', 'bobs'], ['availability', 'bobs'], ['load', 'ada-gh'], ['availability', 'ada-gh']], 'Bob while the commits were asked about, Ada once they named her');
    assert.deepEqual(
      found.rows.map((r) => [r.login, r.openReviews]).sort(),
      [['ada-gh', 3], ['bobs', 3]],
    );
  });

  it('asks about everyone once when the commit lookups name nobody new', async () => {
    const asked: string[][] = [];
    const sources: CandidateSources = {
      commitLogins: () => Promise.resolve(new Map([['a'.repeat(40), null]])),
      reviewLoad: (logins) => {
        asked.push(['load', ...logins]);
        return Promise.resolve(new Map(logins.map((l) => [l.toLowerCase(), 1])));
      },
    };
    const found = await findCandidates(input({ sampleSha: (email) => (email === 'ada@corp.example' ? 'a'.repeat(40) : undefined) }), sources);
    assert.deepEqual(asked, [['load', 'bobs']]);
    assert.equal(found.rows.find((r) => r.login === 'bobs')?.openReviews, 1);
  });

  it('marks people whose review is already requested', async () => {
    const found = await findCandidates(input({ alreadyRequested: ['BOBS'] }), {});
    assert.equal(found.rows.find((r) => r.login === 'bobs')?.alreadyRequested, true);
    assert.equal(found.rows.find((r) => r.name === 'Ada Byron')?.alreadyRequested, false);
  });

  it('says so when nobody has history in the files', async () => {
    const found = await findCandidates(input({ index: new ExpertiseIndex() }), {});
    assert.deepEqual(found.rows, []);
    assert.match(found.notes[0], /Nobody in the history read so far/);
  });

  it('keeps a busy expert in the top three instead of someone who barely knows the code', () => {
    const c = (id: string, score: number, available: boolean) => ({ person: { id }, score, available }) as unknown as RankedCandidate;
    // The ranking's order puts busy people last.
    const ranked = [c('a', 0.5, true), c('b', 0.4, true), c('c', 0.05, true), c('busy1', 0.9, false), c('busy2', 0.8, false)];
    assert.deepEqual(chooseShown(ranked, 3).map((x) => x.person.id), ['a', 'busy1', 'busy2']);
    const allBusy = [c('x', 0.1, true), c('b1', 0.9, false), c('b2', 0.8, false), c('b3', 0.7, false)];
    assert.deepEqual(chooseShown(allBusy, 3).map((x) => x.person.id), ['x', 'b1', 'b2'], 'the best available person takes the last place');
  });

  it('marks the people the repository cannot ask for a review, and shows them after those it can', async () => {
    const asked: string[][] = [];
    const mapped = input({ mapping: { 'lee@corp.example': 'lee-gh', 'ada@corp.example': 'ada-gh' } });
    const sources: CandidateSources = {
      reviewAccess: (logins) => {
        asked.push([...logins].sort());
        return Promise.resolve(new Map([['ada-gh', false], ['bobs', true]]));
      },
    };
    const plain = await findCandidates(mapped, {});
    assert.equal(plain.rows[0].login, 'ada-gh', 'by history alone Ada ranks first');
    const found = await findCandidates(mapped, sources);
    assert.deepEqual(asked, [['ada-gh', 'bobs']], 'asked once, about everyone in the pool');
    assert.deepEqual(
      found.rows.map((r) => [r.login, r.canReview]),
      [
        ['bobs', true],
        ['ada-gh', false],
      ],
    );
    assert.equal(found.rows[1].notRequestable, undefined, 'her login is known: only access is missing');
  });

  it('brings in the best person who can take it when everyone shown has no access', () => {
    const c = (id: string, score: number) => ({ person: { id }, score, available: true }) as unknown as RankedCandidate;
    const ranked = [c('gone1', 0.9), c('gone2', 0.8), c('gone3', 0.7), c('here', 0.1)];
    const canReview = (x: RankedCandidate) => x.person.id === 'here';
    assert.deepEqual(chooseShown(ranked, 3, canReview).map((x) => x.person.id), ['here', 'gone1', 'gone2']);
  });

  it('says when who can be asked is unknown, and marks nobody', async () => {
    const found = await findCandidates(input({ mapping: { 'lee@corp.example': 'lee-gh', 'ada@corp.example': 'ada-gh' } }), {
      reviewAccess: () => Promise.reject(new Error('GitHub is down')),
    });
    assert.ok(found.rows.length >= 2);
    assert.ok(found.rows.every((r) => r.canReview === undefined));
    assert.ok(found.notes.some((n) => /Who can be asked for a review is unknown: GitHub is down/.test(n)), found.notes.join('\n'));
  });

  it('leaves out people with no history near these files, and explains unanswered GitHub lookups', async () => {
    const i = index();
    i.addCommit(commit({ name: 'Drive By', email: 'drive@by.example' }, ['README.md'], 1));
    const found = await findCandidates(input({ index: i, limit: 10, sampleSha: (email) => (email === 'ada@corp.example' ? 'f'.repeat(40) : undefined) }), {
      commitLogins: () => Promise.resolve(new Map()),
    });
    assert.ok(!found.rows.some((r) => r.name === 'Drive By'), 'someone who never touched these files is not a suggestion');
    const ada = found.rows.find((r) => r.name === 'Ada Byron');
    assert.match(ada?.notRequestable ?? '', /GitHub has none of their commits from this clone/);
  });

  it('asks load and availability while GitHub is still saying who I am, and leaves me out once it has', async () => {
    // Who I am arrives only after load and availability were asked: waiting for it first, they never would be.
    let answerLead: (lead: { login: string; name?: string }) => void = () => undefined;
    const lead = new Promise<{ login: string; name?: string }>((resolve) => (answerLead = resolve));
    const asked: string[][] = [];
    const sources: CandidateSources = {
      reviewLoad: (logins) => {
        asked.push(['load', ...logins]);
        return Promise.resolve(new Map(logins.map((l) => [l.toLowerCase(), 2])));
      },
      availability: (logins) => {
        asked.push(['availability', ...logins]);
        answerLead({ login: 'lee-gh', name: 'Lee Adams' });
        return Promise.resolve(new Map(logins.map((l) => [l.toLowerCase(), { available: true }])));
      },
    };
    const { me: _known, ...unknownLead } = input();
    const found = await findCandidates({ ...unknownLead, lead }, sources);
    assert.deepEqual([...found.rows.map((r) => r.name)].sort(), ['Ada Byron', 'Bob Stone'], 'I am left out once GitHub says who I am');
    assert.deepEqual(asked, [['load', 'lee-gh', 'bobs'], ['availability', 'lee-gh', 'bobs']], 'one request per signal, asked about me too as I was not known yet');
    assert.equal(found.rows.find((r) => r.login === 'bobs')?.openReviews, 2);
  });
});
