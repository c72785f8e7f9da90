import assert from 'node:assert/strict';
import { buildClientSchema, parse, validate, type IntrospectionQuery } from 'graphql';
import { buildQueueDocument } from '../../../src/github/queue/queueQuery';
import { planSearches } from '../../../src/core/queue/searchQueries';

async function githubSchema() {
  const mod = (await import('@octokit/graphql-schema')) as unknown as { schema: { json: IntrospectionQuery | { data: IntrospectionQuery } } };
  const json = mod.schema.json;
  return buildClientSchema('data' in json ? json.data : json);
}

describe('queue GraphQL document', () => {
  const searches = planSearches({
    includeDrafts: false,
    staleBusinessHours: 16,
    staleRepos: ['acme/web'],
    staleOrgs: [],
    customSections: [{ name: 'Security', query: 'label:security' }],
    now: new Date('2026-03-04T10:00:00Z'),
  });

  it('is one valid document against GitHub’s published schema', async () => {
    const doc = buildQueueDocument(searches);
    const errors = validate(await githubSchema(), parse(doc.query));
    assert.deepEqual(errors.map((e) => e.message), []);
    assert.equal((doc.query.match(/: search\(/g) ?? []).length, searches.length);
    assert.match(doc.query, /rateLimit \{ cost remaining resetAt \}/);
    assert.equal(doc.variables.reviewRequested, searches[0].query);
  });

  it('asks for the nested timeline only where the history is needed', () => {
    const doc = buildQueueDocument(searches);
    assert.match(doc.query, /reviewRequested: search\([^)]*\) \{\s+issueCount\s+pageInfo \{ hasNextPage endCursor \}\s+nodes \{ \.\.\.QueueHistory \}/);
    assert.match(doc.query, /stale0: search\([^)]*\) \{[^}]*\}[^}]*nodes \{ \.\.\.QueueBasic \}/);
    assert.equal((doc.query.match(/timelineItems\(/g) ?? []).length, 1);
  });

  it('adds a cursor only for the searches that need another page', async () => {
    const doc = buildQueueDocument([searches[0]], { reviewRequested: 'Y3Vyc29yOjEwMA==' });
    assert.match(doc.query, /reviewRequested: search\(type: ISSUE, first: 100, query: \$reviewRequested, after: \$reviewRequestedAfter\)/);
    assert.equal(doc.variables.reviewRequestedAfter, 'Y3Vyc29yOjEwMA==');
    assert.deepEqual(validate(await githubSchema(), parse(doc.query)).map((e) => e.message), []);
  });

  it('refuses an alias that could change the document', () => {
    assert.throws(() => buildQueueDocument([{ alias: 'x) { viewer', role: 'custom', query: 'q', detail: 'basic' }]), /invalid search alias/);
  });
});
