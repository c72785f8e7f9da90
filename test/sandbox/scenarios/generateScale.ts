// A lead in many organisations, for the queue's scale benchmark: the viewer belongs to `orgs`
// organisations that hold `repos` listed repositories between them, and `prs` open pull requests
// in those repositories are in the queue (stale, asking the lead for review, or the lead's own).
// Each organisation also has repositories nobody listed, with open pull requests of their own, so
// a search wider than the list must be narrowed back to it. Deterministic for the same options.
import { seededRandom } from './seededRandom.mjs';
import type { Scenario, ScenarioPull, ScenarioRepo, ScenarioUser } from './scenario';

export interface ScaleOptions {
  readonly orgs?: number;
  readonly repos?: number;
  readonly prs?: number;
  /** Open pull requests in repositories that are not listed (they must not reach the queue). */
  readonly unlistedPrs?: number;
  /** The first organisations are watched whole (leadDesk.queue.orgs): their unlisted pull requests belong to the queue too. */
  readonly watchedOrgs?: number;
  readonly seed?: number;
}

export const SCALE_TOKEN = 'ghp_scaleLeadFullScope0000000000000000001';

export interface ScaleScenario {
  readonly scenario: Scenario;
  /** "owner/name" of every listed repository (leadDesk.queue.repos). */
  readonly listedRepos: readonly string[];
  readonly orgs: readonly string[];
  /** The organisations watched whole (leadDesk.queue.orgs). */
  readonly watchedOrgs: readonly string[];
  /** "owner/name#number" of the open pull requests the queue should hold. */
  readonly expected: ReadonlySet<string>;
}

export function generateScaleScenario(options: ScaleOptions = {}): ScaleScenario {
  const { orgs: orgCount = 15, repos = 2_000, prs = 300, unlistedPrs = 60, watchedOrgs = 2, seed = 7 } = options;
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const people = ['lead', ...Array.from({ length: 29 }, (_, i) => `eng${i + 1}`)];
  const users: ScenarioUser[] = people.map((login, i) => ({ login, id: 100 + i, name: login === 'lead' ? 'Lee Adams' : `Engineer ${i}` }));
  const orgNames = Array.from({ length: orgCount }, (_, i) => `scale-org-${String(i + 1).padStart(2, '0')}`);

  const listed: ScenarioRepo[] = [];
  const unlisted: ScenarioRepo[] = [];
  for (let i = 0; i < repos; i++) listed.push({ owner: orgNames[i % orgCount], name: `service-${String(i + 1).padStart(4, '0')}`, collaborators: people });
  for (const owner of orgNames) for (let k = 1; k <= 3; k++) unlisted.push({ owner, name: `sandbox-${k}`, collaborators: people });

  const watched = new Set(orgNames.slice(0, watchedOrgs));
  const pulls: ScenarioPull[] = [];
  const numbers = new Map<string, number>();
  const expected = new Set<string>();
  const add = (repo: ScenarioRepo, queued: boolean) => {
    const full = `${repo.owner}/${repo.name}`;
    const number = (numbers.get(full) ?? 0) + 1;
    numbers.set(full, number);
    const author = pick(people.slice(1));
    const roll = r();
    // A third ask the lead for review, a tenth are the lead's own, the rest are simply stale.
    const mine = queued && roll < 0.1;
    const asked = queued && !mine && roll < 0.4;
    const updatedDays = 3 + r() * 40;
    pulls.push({
      repo: full,
      number,
      title: `Change ${number} in ${repo.name}`,
      author: mine ? 'lead' : author,
      createdAt: `-${Math.round((updatedDays + 2) * 24)}h`,
      updatedAt: `-${Math.round(updatedDays * 24)}h`,
      files: [{ path: `src/${repo.name}/module-${number}.ts`, additions: 10 + number, deletions: 3 }],
      reviewRequests: asked ? [{ user: 'lead', requestedAt: `-${Math.round(updatedDays * 24)}h` }] : [{ user: pick(people.slice(1).filter((p) => p !== author)), requestedAt: `-${Math.round(updatedDays * 24)}h` }],
      ci: 'SUCCESS',
      mergeable: 'MERGEABLE',
    });
    if (queued || watched.has(repo.owner)) expected.add(`${full}#${number}`);
  };
  for (let i = 0; i < prs; i++) add(pick(listed), true);
  for (let i = 0; i < unlistedPrs; i++) add(pick(unlisted), false);

  const scenario: Scenario = {
    name: `scale-${orgCount}-${repos}-${prs}-${seed}`,
    viewer: 'lead',
    users,
    orgs: orgNames.map((login) => ({ login, members: people })),
    repos: [...listed, ...unlisted],
    pullRequests: pulls,
    tokens: [{ token: SCALE_TOKEN, login: 'lead', scopes: ['repo', 'read:org'] }],
  };
  return { scenario, listedRepos: listed.map((x) => `${x.owner}/${x.name}`), orgs: orgNames, watchedOrgs: [...watched], expected };
}
