// The searches behind one weekly update, all sent as aliases of one GraphQL document. The scope is
// the Stale group's (repositories and organisations from the settings and open folders) plus each
// teammate in `leadDesk.team` wherever they work: GitHub ORs repeated `repo:`/`org:` qualifiers
// but not `author:`, so each teammate needs searches of their own.
import { chunk, unique } from '../queue/searchQueries';
import type { UpdateWeek } from './updateTypes';
import { searchTimestamp } from './updateWeek';

export type UpdateSearchRole = 'merged' | 'open' | 'reviewed';

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

export function planUpdateSearches(scope: UpdateScope, week: UpdateWeek): UpdateSearch[] {
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
  return searches;
}
