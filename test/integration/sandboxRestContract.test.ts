// Every REST body the sandbox sends must satisfy GitHub's OpenAPI schema for that operation
// and status, so code that reads these shapes also works against github.com.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { REST_ROUTES, matchRoute } from '../sandbox/rest/routes';
import { RestContract } from '../sandbox/testing/restContract';
import { rest } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

interface Case {
  method: string;
  path: string;
  body?: unknown;
  token?: string;
  ghes?: boolean;
  status: number;
}

const CASES: Case[] = [
  { method: 'GET', path: '/user', status: 200 },
  { method: 'GET', path: '/user', token: 'ghp_unknown', status: 401 },
  { method: 'GET', path: '/rate_limit', status: 200 },
  { method: 'GET', path: '/repos/acme/api', status: 200 },
  { method: 'GET', path: '/repos/acme/legacy-billing', ghes: true, status: 200 },
  { method: 'GET', path: '/repos/lead/dotfiles', status: 200 },
  { method: 'GET', path: '/repos/acme/infra', token: DEMO.outsiderToken, status: 404 },
  { method: 'GET', path: '/repos/acme/api/pulls/412', status: 200 },
  { method: 'GET', path: '/repos/acme/api/pulls/427', status: 200 },
  { method: 'GET', path: '/repos/acme/api/pulls/401', status: 200 },
  { method: 'GET', path: '/repos/acme-labs/ml-playground/pulls/11', status: 200 },
  { method: 'GET', path: '/repos/acme/web/pulls/96', ghes: true, status: 200 },
  { method: 'GET', path: '/repos/acme/api/pulls/999', status: 404 },
  { method: 'GET', path: '/repos/acme/api/pulls/412/files', status: 200 },
  { method: 'GET', path: '/repos/acme/api/pulls/427/files?per_page=1', status: 200 },
  { method: 'GET', path: '/repos/acme/api/pulls/412/requested_reviewers', status: 200 },
  { method: 'GET', path: '/repos/acme/api/pulls/415/requested_reviewers', status: 200 },
  { method: 'POST', path: '/repos/acme/api/pulls/418/requested_reviewers', body: { reviewers: ['marco'], team_reviewers: ['platform'] }, status: 201 },
  { method: 'POST', path: '/repos/acme/api/pulls/418/requested_reviewers', body: { reviewers: ['oscar-ext'] }, status: 422 },
  { method: 'POST', path: '/repos/acme/api/pulls/418/requested_reviewers', body: { reviewers: ['jin'] }, status: 422 },
  { method: 'DELETE', path: '/repos/acme/api/pulls/418/requested_reviewers', body: { reviewers: ['marco'] }, status: 200 },
  { method: 'POST', path: '/repos/acme/api/issues/418/comments', body: { body: 'Taking a look.' }, status: 201 },
  { method: 'POST', path: '/repos/acme/api/issues/418/comments', body: {}, status: 422 },
  { method: 'GET', path: '/repos/acme/api/issues/418/comments', status: 200 },
  { method: 'GET', path: '/repos/acme/api/issues/418/comments?per_page=1&since=2020-01-01T00:00:00Z', status: 200 },
  { method: 'GET', path: '/repos/acme/api/issues/999/comments', status: 404 },
  { method: 'GET', path: '/repos/acme/api/commits/4f1c2a9', status: 200 },
  { method: 'GET', path: '/repos/acme/api/commits/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567', status: 200 },
  { method: 'GET', path: '/repos/acme/api/commits/fffffff', status: 422 },
  { method: 'GET', path: '/repos/acme/api/contents/.github/CODEOWNERS', status: 200 },
  { method: 'GET', path: '/repos/acme/api/contents/missing.md', status: 404 },
  { method: 'GET', path: `/search/issues?q=${encodeURIComponent('is:pr is:open review-requested:@me')}`, status: 200 },
  { method: 'GET', path: `/search/issues?q=${encodeURIComponent('is:pr author:@me')}`, ghes: true, status: 200 },
  { method: 'GET', path: `/search/issues?q=${encodeURIComponent('x'.repeat(300))}`, status: 422 },
];

describe('sandbox REST responses against the OpenAPI contract', () => {
  let sb: Sandbox;
  const contract = new RestContract();
  before(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
  });
  after(() => sb.close());

  it('serves exactly the operations the contract was extracted for', () => {
    assert.deepEqual(REST_ROUTES.map((r) => r.operation).sort(), [...contract.operations].sort());
  });

  it('rejects a body that breaks the contract (the check is live)', () => {
    const result = contract.check('GET /repos/{owner}/{repo}/pulls/{pull_number}', 200, { number: '412' });
    assert.equal(result.documented, true);
    assert.ok(result.errors.some((e) => /required property '_links'/.test(e)));
    assert.ok(result.errors.some((e) => e.startsWith('/number must be integer')));
    // nullable fields accept null but not other types.
    const nullable = contract.check('GET /repos/{owner}/{repo}/commits/{ref}', 422, { message: null, documentation_url: 'x' });
    assert.ok(nullable.errors.length > 0);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.ghes ? '/api/v3' : ''}${c.path.slice(0, 70)} → ${c.status} matches its schema`, async () => {
      const res = await rest(sb, c.token ?? DEMO.fullToken, c.method, c.path, c.body, {}, { ghes: c.ghes });
      assert.equal(res.status, c.status, res.text.slice(0, 300));
      const pathname = new URL(c.path, 'http://x').pathname;
      const m = matchRoute(c.method, pathname);
      assert.ok(m && 'route' in m, `no route for ${c.method} ${pathname}`);
      const check = contract.check(m.route.operation, res.status, res.json);
      assert.deepEqual(check.errors, [], `${m.route.operation} ${res.status}${check.documented ? '' : ' (checked as basic-error)'}`);
    });
  }

  it('covers a success response of every served operation', () => {
    const covered = new Set(
      CASES.filter((c) => c.status < 300).map((c) => {
        const m = matchRoute(c.method, new URL(c.path, 'http://x').pathname);
        return m && 'route' in m ? m.route.operation : '';
      }),
    );
    assert.deepEqual(REST_ROUTES.map((r) => r.operation).filter((op) => !covered.has(op)), []);
  });
});
