// A small organisation for the delegation tests: a lead, four engineers with different loads and
// statuses, one team, and a repository whose commits tie work emails to accounts.
import type { Scenario, ScenarioPull } from '../../sandbox/scenarios/scenario';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { silentLogger } from '../../../src/core/logger';
import type { Sandbox } from '../../sandbox/server';

export const TOKENS = {
  lead: 'ghp_delegationLeadFull000000000000000000001',
  leadRepoOnly: 'ghp_delegationLeadRepo000000000000000000002',
} as const;

export const SHAS = {
  benWork: 'b'.repeat(40),
  caraUnlinked: 'c'.repeat(40),
};

function pull(number: number, author: string, requested: string[], files: string[] = ['src/engine/core.ts'], extra: Partial<ScenarioPull> = {}): ScenarioPull {
  return {
    repo: 'acme/engine',
    number,
    title: `Change ${number}`,
    author,
    createdAt: '-2d',
    files: files.map((path) => ({ path, additions: 10, deletions: 2 })),
    reviewRequests: requested.map((user) => ({ user, requestedAt: '-1d' })),
    ...extra,
  };
}

export function delegationScenario(): Scenario {
  return {
    name: 'delegation',
    viewer: 'lead',
    users: [
      { login: 'lead', name: 'Lee Adams', email: 'lee@acme.example' },
      { login: 'ana', name: 'Ana Lima', email: 'ana@acme.example', status: { emoji: ':palm_tree:', message: 'On holiday until Monday', limitedAvailability: true, expiresAt: '+3d' } },
      { login: 'ben', name: 'Ben Okafor', email: 'ben@acme.example', status: { emoji: ':coffee:', message: 'Around', limitedAvailability: false } },
      { login: 'cara', name: 'Cara Diaz', email: 'cara@acme.example' },
      { login: 'dave', name: 'Dave Stone', email: 'dave@acme.example' },
      { login: 'outsider', name: 'Out Sider', email: 'out@elsewhere.example' },
    ],
    orgs: [{ login: 'acme', members: ['lead', 'ana', 'ben', 'cara', 'dave'] }],
    teams: [{ org: 'acme', slug: 'core', name: 'Core', members: ['ana', 'ben'] }],
    repos: [
      {
        owner: 'acme',
        name: 'engine',
        collaborators: ['lead', 'ana', 'ben', 'cara', 'dave'],
        commits: [
          { sha: SHAS.benWork, message: 'Tune the scheduler', author: 'ben', authorName: 'Ben Okafor', authorEmail: 'ben.okafor@corp.example', date: '-20d' },
          { sha: SHAS.caraUnlinked, message: 'Old laptop commit', author: null, authorName: 'Cara D', authorEmail: 'cara@old-laptop.local', date: '-40d' },
        ],
      },
    ],
    pullRequests: [
      pull(1, 'cara', ['lead'], ['src/engine/core.ts', 'src/engine/queue.ts', 'test/engine/core.test.ts']),
      pull(2, 'dave', ['ana']),
      pull(3, 'dave', ['ana']),
      pull(4, 'cara', ['ana', 'ben']),
      pull(5, 'dave', ['ben'], undefined, { state: 'closed', closedAt: '-1h' }),
      pull(6, 'ben', ['lead'], ['docs/guide.md', 'README.md']),
    ],
    tokens: [
      { token: TOKENS.lead, login: 'lead', scopes: ['repo', 'read:org', 'user'] },
      { token: TOKENS.leadRepoOnly, login: 'lead', scopes: ['repo'] },
    ],
  };
}

export function clientFor(sandbox: Sandbox, token: string = TOKENS.lead): GitHubClient {
  return createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token, log: silentLogger, unthrottled: true, retryBaseMs: 5 });
}

/** GraphQL requests the sandbox saw since the log was last cleared. */
export function graphqlRequests(sandbox: Sandbox) {
  return sandbox.requests.filter((r) => r.api === 'graphql');
}
