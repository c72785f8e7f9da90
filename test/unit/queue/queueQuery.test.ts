import assert from 'node:assert/strict';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildQueueDocument } from '../../../src/github/queue/queueQuery';
import { planSearches } from '../../../src/core/queue/searchQueries';
import { loadGithubSchema } from '../../sandbox/graphql/githubSchema';

describe('queue GraphQL document', () => {
  let schema: GraphQLSchema;

  // The published schema is a 5 MB introspection document: reading and building it cold takes
  // seconds on a busy machine, so it is loaded once, outside any test's own time limit.
  before(async function () {
    this.timeout(120_000);
    schema = await loadGithubSchema();
  });

  const searches = planSearches({
    includeDrafts: false,
    staleBusinessHours: 16,
    staleRepos: ['acme/web'],
    staleOrgs: [],
    customSections: [{ name: 'Security', query: 'label:security' }],
    now: new Date('2026-03-04T10:00:00Z'),
  });

  it('is one valid document against GitHub’s published schema', () => {
    const doc = buildQueueDocument(searches);
    const errors = validate(schema, parse(doc.query));
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

  it('adds a cursor only for the searches that need another page', () => {
    const doc = buildQueueDocument([searches[0]], { reviewRequested: 'Y3Vyc29yOjEwMA==' });
    assert.match(doc.query, /reviewRequested: search\(type: ISSUE, first: 100, query: \$reviewRequested, after: \$reviewRequestedAfter\)/);
    assert.equal(doc.variables.reviewRequestedAfter, 'Y3Vyc29yOjEwMA==');
    assert.deepEqual(validate(schema, parse(doc.query)).map((e) => e.message), []);
  });

  it('refuses an alias that could change the document', () => {
    assert.throws(() => buildQueueDocument([{ alias: 'x) { viewer', role: 'custom', query: 'q', detail: 'basic' }]), /invalid search alias/);
  });
});
