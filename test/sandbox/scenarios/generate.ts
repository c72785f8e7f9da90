// Deterministic large scenarios for benchmarks: the same options and seed always give the
// same scenario, so timings compare across runs. Dates are relative, like the demo's.
import { seededRandom } from './seededRandom.mjs';
import type { CiState, Scenario, ScenarioPull, ScenarioRepo, ScenarioReview, ScenarioReviewRequest, ScenarioTeam, ScenarioUser } from './scenario';

export interface GenerateOptions {
  prs?: number;
  repos?: number;
  people?: number;
  seed?: number;
}

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kai', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Ravi', 'Sara', 'Tom'];
const LAST = ['Novak', 'Silva', 'Mensah', 'Sato', 'Berg', 'Costa', 'Iyer', 'Moreau', 'Kowalski', 'Haddad'];
const AREAS = ['auth', 'billing', 'search', 'webhooks', 'orders', 'ui', 'config', 'queue', 'reports', 'gateway'];
const VERBS = ['Add', 'Fix', 'Refactor', 'Speed up', 'Document', 'Remove', 'Harden', 'Test'];
const THINGS = ['retry logic', 'pagination', 'error messages', 'cache invalidation', 'input validation', 'logging', 'feature flag', 'timeouts'];
const TEAM_NAMES = ['core', 'product', 'infra', 'data', 'mobile', 'growth'];

export const GENERATED_TOKEN = 'ghp_generatedLeadFullScope00000000000001';

export function generateScenario(options: GenerateOptions = {}): Scenario {
  const { prs = 100, repos = 20, people = 12, seed = 1 } = options;
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const hoursAgo = (h: number): string => `-${Math.max(0.1, Math.round(h * 10) / 10)}h`;

  const users: ScenarioUser[] = [{ login: 'lead', id: 1, name: 'Lee Adams' }];
  for (let i = 1; i < people; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const busy = r() < 0.15;
    users.push({
      login: `dev${i}`,
      id: 1 + i,
      name,
      status: busy ? { emoji: ':no_entry:', message: 'Focusing', limitedAvailability: true, expiresAt: `+${int(1, 8)}h` } : null,
    });
  }
  const logins = users.map((u) => u.login);
  const orgs = [{ login: 'bench', members: logins }];
  const teams: ScenarioTeam[] = [];
  const teamSize = 4;
  for (let i = 0; i * teamSize < people; i++) {
    teams.push({ org: 'bench', slug: TEAM_NAMES[i % TEAM_NAMES.length] + (i >= TEAM_NAMES.length ? `-${i}` : ''), name: `Team ${i + 1}`, members: logins.slice(i * teamSize, (i + 1) * teamSize) });
  }

  const repoList: ScenarioRepo[] = [];
  for (let i = 0; i < repos; i++) {
    repoList.push({ owner: 'bench', name: `service-${String(i + 1).padStart(2, '0')}`, collaborators: logins, archived: i % 10 === 9, requiredApprovals: i % 4 === 0 ? 2 : 1 });
  }

  const pulls: ScenarioPull[] = [];
  const numbers = new Map<string, number>();
  for (let i = 0; i < prs; i++) {
    const repo = pick(repoList);
    const full = `${repo.owner}/${repo.name}`;
    const number = (numbers.get(full) ?? 0) + 1;
    numbers.set(full, number);
    const created = r() * 24 * 14;
    const updated = created * r();
    const author = r() < 0.02 ? null : pick(logins);
    const others = logins.filter((l) => l !== author);
    const area = pick(AREAS);
    const requests: ScenarioReviewRequest[] = [];
    const roll = r();
    if (roll < 0.3 && author !== 'lead') requests.push({ user: 'lead', requestedAt: hoursAgo(updated) });
    else if (roll < 0.45) requests.push({ team: `bench/${teams[0].slug}`, requestedAt: hoursAgo(updated) });
    else if (roll < 0.85) requests.push({ user: pick(others), requestedAt: hoursAgo(updated) });
    const reviews: ScenarioReview[] = [];
    const reviewCount = int(0, 2);
    for (let k = 0; k < reviewCount; k++) {
      const reviewer = pick(others);
      if (requests.some((q) => q.user === reviewer)) continue;
      reviews.push({ author: reviewer, state: pick(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED'] as const), submittedAt: hoursAgo(updated * r()) });
    }
    const files = Array.from({ length: int(1, 8) }, (_, k) => ({
      path: k === 0 && r() < 0.1 ? 'package-lock.json' : `${pick(['src', 'src', 'test', 'docs'])}/${area}/${pick(THINGS).replace(/ /g, '-')}-${k}.ts`,
      additions: int(0, 200),
      deletions: int(0, 120),
    }));
    pulls.push({
      repo: full,
      number,
      title: `${pick(VERBS)} ${pick(THINGS)} in ${area}`,
      author,
      draft: r() < 0.12,
      state: r() < 0.9 ? 'open' : 'merged',
      createdAt: hoursAgo(created),
      updatedAt: hoursAgo(updated),
      ci: pick<CiState | null>(['SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILURE', 'PENDING', null]),
      mergeable: r() < 0.1 ? 'CONFLICTING' : 'MERGEABLE',
      labels: r() < 0.4 ? [area] : [],
      files: dedupe(files),
      reviewRequests: requests,
      reviews,
    });
  }

  return {
    name: `generated-${prs}-${repos}-${people}-${seed}`,
    viewer: 'lead',
    users,
    orgs,
    teams,
    repos: repoList,
    pullRequests: pulls,
    tokens: [{ token: GENERATED_TOKEN, login: 'lead', scopes: ['repo', 'read:org', 'user'] }],
    slack: { teamId: 'T0BENCH001', teamName: 'Bench', users: [{ id: 'U0BENCH001', name: 'lee', realName: 'Lee Adams', githubLogin: 'lead' }], tokens: [{ token: 'xoxp-generated-0001', userId: 'U0BENCH001', scopes: ['dnd:read', 'dnd:write', 'users.profile:read', 'users.profile:write'] }] },
  };
}

function dedupe<T extends { path: string }>(files: T[]): T[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.path) && seen.add(f.path));
}
