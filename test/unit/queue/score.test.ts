import assert from 'node:assert/strict';
import { formatPoints, scorePullRequest, scoreWeights, type ScoreInput } from '../../../src/core/queue/score';

const input = (o: Partial<ScoreInput> = {}): ScoreInput => ({ waitingHours: 0, blocks: [], additions: 300, deletions: 100, changedFiles: 5, ci: 'none', own: false, ...o });

describe('queue score', () => {
  it('explains every point it gives, and the total is their sum', () => {
    const score = scorePullRequest(input({ waitingHours: 10, request: 'direct', blocks: ['alice', 'carol'], additions: 20, deletions: 5, changedFiles: 2, ci: 'success' }));
    assert.deepEqual(score.reasons.map((r) => [r.factor, r.points]), [
      ['waiting', 15],
      ['request', 25],
      ['blocks', 16],
      ['size', 20],
      ['ci', 5],
    ]);
    assert.equal(score.total, 81);
    assert.match(score.reasons[0].text, /waiting 10 working hours/);
    assert.match(score.reasons[2].text, /blocks 2 people: alice, carol/);
    assert.match(score.reasons[3].text, /small change \(25 lines in 2 files\): a quick win/);
  });

  it('ranks longer waits higher, up to a cap', () => {
    const short = scorePullRequest(input({ waitingHours: 2 })).total;
    const long = scorePullRequest(input({ waitingHours: 30 })).total;
    const veryLong = scorePullRequest(input({ waitingHours: 400 }));
    assert.ok(long > short);
    assert.equal(veryLong.reasons[0].points, scoreWeights.waitingCapHours * scoreWeights.perWaitingHour);
    assert.match(veryLong.reasons[0].text, /counted up to 40/);
  });

  it('puts a direct request above a team-only one above a team one with someone named', () => {
    const direct = scorePullRequest(input({ request: 'direct' })).total;
    const nobody = scorePullRequest(input({ request: 'teamNobodyNamed' })).total;
    const team = scorePullRequest(input({ request: 'team' })).total;
    assert.ok(direct > nobody && nobody > team, `${direct} ${nobody} ${team}`);
  });

  it('favours small changes and marks large ones down', () => {
    const small = scorePullRequest(input({ additions: 10, deletions: 0 })).total;
    const medium = scorePullRequest(input({ additions: 150, deletions: 0 })).total;
    const large = scorePullRequest(input({ additions: 1500, deletions: 200, changedFiles: 40 }));
    assert.ok(small > medium && medium > large.total);
    assert.equal(large.reasons.find((r) => r.factor === 'size')?.points, -10);
  });

  it('marks failing CI down for others’ pull requests and up for the viewer’s own', () => {
    const others = scorePullRequest(input({ ci: 'failure' }));
    const own = scorePullRequest(input({ ci: 'failure', own: true }));
    assert.ok(own.total > others.total);
    assert.match(others.reasons.find((r) => r.factor === 'ci')!.text, /author will likely push again/);
    assert.ok(scorePullRequest(input({ ci: 'pending' })).total < scorePullRequest(input({ ci: 'success' })).total);
  });

  it('caps how much blocking counts', () => {
    const many = scorePullRequest(input({ blocks: ['a', 'b', 'c', 'd', 'e', 'f'] }));
    assert.equal(many.reasons.find((r) => r.factor === 'blocks')?.points, scoreWeights.blockedCap * scoreWeights.perBlockedPerson);
  });

  it('formats points with a sign', () => {
    assert.equal(formatPoints(5), '+5');
    assert.equal(formatPoints(-10), '−10');
  });
});
