import assert from 'node:assert/strict';
import { newReviewRequests } from '../../../src/core/queue/newRequests';
import { pr, snapshot } from './fixtures';

describe('queue new review requests', () => {
  const a = pr({ number: 1 });
  const b = pr({ number: 2, author: 'bob' });
  const c = pr({ number: 3 });

  it('reports requests that were not there before', () => {
    const fresh = newReviewRequests(snapshot({ reviewRequested: [a] }), snapshot({ reviewRequested: [a, b] }));
    assert.deepEqual(fresh, [{ owner: 'acme', repo: 'web', number: 2, title: 'Change 2', url: 'https://github.com/acme/web/pull/2', author: 'bob' }]);
  });

  it('reports nothing on the first load, for another account, or when the previous refresh lacked the search', () => {
    assert.deepEqual(newReviewRequests(undefined, snapshot({ reviewRequested: [a] })), []);
    assert.deepEqual(newReviewRequests(snapshot({ reviewRequested: [] }, { viewer: 'other' }), snapshot({ reviewRequested: [a] })), []);
    assert.deepEqual(newReviewRequests(snapshot({}), snapshot({ reviewRequested: [a] })), []);
  });

  it('reports a re-request after the request had gone away, and ignores other groups', () => {
    const first = snapshot({ reviewRequested: [a, c] });
    const reviewed = snapshot({ reviewRequested: [c], mine: [a] });
    const again = snapshot({ reviewRequested: [a, c] });
    assert.deepEqual(newReviewRequests(first, reviewed), []);
    assert.deepEqual(newReviewRequests(reviewed, again).map((r) => r.number), [1]);
  });
});
