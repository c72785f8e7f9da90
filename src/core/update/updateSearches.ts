// The searches behind one weekly update, all sent as aliases of one GraphQL document. The scope is
// the Stale group's (repositories and organisations from the settings and open folders) plus each
// teammate in `leadDesk.team` wherever they work: GitHub ORs repeated `repo:`/`org:` qualifiers
// but not `author:`, so each teammate needs searches of their own. Two more ride along so the
// draft needs no second request: each teammate's pull requests opened since the turnaround's
// window began (the team's usual time to first review), and the pull requests the lead commented
// on this week (handoff comments carry a hidden marker, found on any machine).
// Not translated: the strings here are GitHub search qualifiers.
import { authoredQuery } from '../pulse/usualTurnaround';
import { chunk, unique } from '../queue/searchQueries';
import type { UpdateWeek } from './updateTypes';
import { searchTimestamp } from './updateWeek';

export type UpdateSearchRole = 'merged' | 'open' | 'reviewed' | 'authored' | 'commented';

export interface UpdateSearch {
  readonly alias: string;
  readonly role: UpdateSearchRole;
  readonly query: string;
}

export interface UpdateScope {
  readonly repos: readonly string[];
  readonly orgs: readonly string[];
  readonly team: readonly string[];
}

export interface UpdateSearchOptions {
  /** Read each teammate's pull requests opened since this day, to measure the usual turnaround. */
  readonly authoredSince?: Date;
}

export function planUpdateSearches(scope: UpdateScope, week: UpdateWeek, options: UpdateSearchOptions = {}): UpdateSearch[] {
  const merged = `is:pr is:merged merged:${searchTimestamp(week.start)}..${searchTimestamp(week.end)}`;
  const open = 'is:pr is:open archived:false';
  const orgs = unique(scope.orgs);
  const orgSet = new Set(orgs.map((o) => o.toLowerCase()));
  const repos = unique(scope.repos).filter((r) => !orgSet.has(r.split('/')[0].toLowerCase()));
  const places = [...repos.map((r) => `repo:${r}`), ...orgs.map((o) => `org:${o}`)];
  const searches: UpdateSearch[] = [{ alias: 'reviewed', role: 'reviewed', query: `is:pr reviewed-by:@me updated:>=${searchTimestamp(week.start)}` }];
  const add = (role: UpdateSearchRole, queries: readonly string[], prefix: string) =>
    queries.forEach((query, i) => searches.push({ alias: `${prefix}${i}`, role, query }));
  if (places.length > 0) {
    add('merged', chunk(merged, places), 'merged');
    add('open', chunk(open, places), 'open');
  }
  // Without any scope the lead's own pull requests still make a draft; the draft says what to set.
  const team = places.length === 0 && scope.team.length === 0 ? ['@me'] : unique(scope.team);
  add('merged', team.map((login) => `${merged} author:${login}`), 'teamMerged');
  add('open', team.map((login) => `${open} author:${login}`), 'teamOpen');
  const since = options.authoredSince;
  if (since) add('authored', unique(scope.team).map((login) => authoredQuery(login, since)), 'authored');
  searches.push({ alias: 'commented', role: 'commented', query: `is:pr commenter:@me updated:>=${searchTimestamp(week.start)}` });
  return searches;
}
