import assert from 'node:assert/strict';
import { parsePullRequest, parseRateLimit, parseSearch, parseViewerLogin } from '../../../src/github/queue/parseQueue';

const web = 'https://github.com';
const fallback = '2026-03-04T10:00:00Z';

const full = {
  number: 42,
  title: 'Fix login',
  url: 'https://github.com/acme/web/pull/42',
  isDraft: false,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-03T10:00:00Z',
  additions: 10,
  deletions: 2,
  changedFiles: 1,
  reviewDecision: 'CHANGES_REQUESTED',
  mergeable: 'CONFLICTING',
  headRefName: 'fix-login',
  baseRefName: 'main',
  author: { login: 'alice' },
  repository: { nameWithOwner: 'acme/web', isArchived: false },
  statusCheckRollup: { state: 'ERROR' },
  timelineItems: {
    nodes: [
      { __typename: 'ReviewRequestedEvent', createdAt: '2026-03-02T10:00:00Z', requestedReviewer: { __typename: 'User', login: 'lead' } },
      { __typename: 'ReviewRequestedEvent', createdAt: '2026-03-02T11:00:00Z', requestedReviewer: { __typename: 'Team', slug: 'platform', combinedSlug: 'acme/platform' } },
      { __typename: 'ReviewRequestedEvent', createdAt: '2026-03-02T11:00:00Z', requestedReviewer: null },
      { __typename: 'ReadyForReviewEvent', createdAt: '2026-03-02T09:00:00Z' },
      { __typename: 'PullRequestReview', submittedAt: '2026-03-02T12:00:00Z', author: { login: 'bob' } },
      { __typename: 'SomethingNew', createdAt: 'x' },
      null,
    ],
  },
};

describe('queue answer parser', () => {
  it('reads the head commit and the lead\'s latest review with the commit it was made on', () => {
    const pr = parsePullRequest({ ...full, headRefOid: 'bbb', viewerLatestReview: { submittedAt: '2026-03-02T12:00:00Z', commit: { oid: 'aaa' } } }, 'basic', web, fallback)!;
    assert.equal(pr.headOid, 'bbb');
    assert.deepEqual(pr.myReview, { at: '2026-03-02T12:00:00Z', commit: 'aaa' });
    const noCommit = parsePullRequest({ ...full, viewerLatestReview: { submittedAt: '2026-03-02T12:00:00Z', commit: null } }, 'basic', web, fallback)!;
    assert.deepEqual(noCommit.myReview, { at: '2026-03-02T12:00:00Z' });
    assert.equal(parsePullRequest({ ...full, viewerLatestReview: null }, 'basic', web, fallback)!.myReview, undefined);
    assert.equal(parsePullRequest({ ...full, viewerLatestReview: { submittedAt: null } }, 'basic', web, fallback)!.myReview, undefined);
  });

  it('reads a complete pull request', () => {
    const pr = parsePullRequest(full, 'history', web, fallback)!;
    assert.equal(pr.owner, 'acme');
    assert.equal(pr.repo, 'web');
    assert.equal(pr.ci, 'failure');
    assert.equal(pr.review, 'changesRequested');
    assert.equal(pr.merge, 'conflicting');
    assert.deepEqual(pr.history, {
      open: [
        { reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-02T10:00:00Z' },
        { reviewer: { kind: 'team', slug: 'platform', org: 'acme' }, at: '2026-03-02T11:00:00Z' },
      ],
      readyAt: '2026-03-02T09:00:00Z',
      reviewedBy: ['bob'],
    });
  });

  it('turns a deleted author into an undefined author (shown as ghost)', () => {
    assert.equal(parsePullRequest({ ...full, author: null }, 'basic', web, fallback)!.author, undefined);
  });

  it('survives missing fields, nulls and unknown enum values', () => {
    const pr = parsePullRequest({ number: 7, repository: { nameWithOwner: 'acme/api' }, reviewDecision: 'SOMETHING', mergeable: null, statusCheckRollup: null, additions: -3, timelineItems: null }, 'history', web, fallback)!;
    assert.deepEqual(
      { title: pr.title, url: pr.url, created: pr.createdAt, updated: pr.updatedAt, ci: pr.ci, review: pr.review, merge: pr.merge, additions: pr.additions, history: pr.history, draft: pr.isDraft },
      { title: 'acme/api#7', url: 'https://github.com/acme/api/pull/7', created: fallback, updated: fallback, ci: 'none', review: 'none', merge: 'unknown', additions: 0, history: undefined, draft: false },
    );
  });

  it('finds the repository from the URL when the repository field is missing', () => {
    const pr = parsePullRequest({ number: 3, url: 'https://ghe.example.com/team/tool/pull/3' }, 'basic', web, fallback)!;
    assert.deepEqual([pr.owner, pr.repo], ['team', 'tool']);
  });

  it('skips nodes that are not identifiable pull requests, and archived repositories', () => {
    assert.equal(parsePullRequest(null, 'basic', web, fallback), undefined);
    assert.equal(parsePullRequest({}, 'basic', web, fallback), undefined);
    assert.equal(parsePullRequest({ number: 'x', repository: { nameWithOwner: 'a/b' } }, 'basic', web, fallback), undefined);
    assert.equal(parsePullRequest({ number: 1 }, 'basic', web, fallback), undefined);
    assert.equal(parsePullRequest({ ...full, repository: { nameWithOwner: 'acme/old', isArchived: true } }, 'basic', web, fallback), undefined);
  });

  it('reads a search page, its total and its cursor', () => {
    const page = parseSearch({ issueCount: 250, pageInfo: { hasNextPage: true, endCursor: 'abc' }, nodes: [full, {}, null] }, 'basic', web, fallback)!;
    assert.equal(page.total, 250);
    assert.equal(page.pullRequests.length, 1);
    assert.equal(page.hasNextPage, true);
    assert.equal(page.endCursor, 'abc');
    assert.equal(parseSearch(null, 'basic', web, fallback), undefined);
    assert.deepEqual(parseSearch({ nodes: 'nope' }, 'basic', web, fallback), { total: 0, pullRequests: [], hasNextPage: false, endCursor: undefined });
  });

  it('reads the rate limit and the viewer, or nothing', () => {
    assert.deepEqual(parseRateLimit({ cost: 2, remaining: 4990, resetAt: '2026-03-04T11:00:00Z' }), { cost: 2, remaining: 4990, resetAt: '2026-03-04T11:00:00Z' });
    assert.equal(parseRateLimit({ cost: 'x' }), undefined);
    assert.equal(parseViewerLogin({ viewer: { login: 'lead' } }), 'lead');
    assert.equal(parseViewerLogin('<html>'), undefined);
  });
});
