// Two counts for End My Day, in one GraphQL request of two searches: review requests still waiting
// on the lead, and pull requests the lead reviewed that moved today. Search counts only, no nodes,
// so the request costs one point.
import { format } from 'date-fns';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';

export interface DayCounts {
  readonly waiting: number;
  readonly reviewedToday: number;
}

const document = `query EndOfDayCounts($waiting: String!, $reviewed: String!) {
  waiting: search(type: ISSUE, query: $waiting, first: 1) { issueCount }
  reviewed: search(type: ISSUE, query: $reviewed, first: 1) { issueCount }
}`;

function count(data: Record<string, unknown>, alias: string): number {
  const value = (data[alias] as { issueCount?: unknown } | null | undefined)?.issueCount;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: `search ${alias} had no issueCount` });
  }
  return value;
}

/** `dayStart` is the start of the lead's day; GitHub compares the date in UTC, close enough for a day's summary. */
export async function fetchDayCounts(client: GitHubClient, dayStart: number): Promise<DayCounts> {
  const data = await client.graphql<Record<string, unknown>>(document, {
    waiting: 'is:open is:pr archived:false review-requested:@me',
    reviewed: `is:pr reviewed-by:@me updated:>=${format(dayStart, 'yyyy-MM-dd')}`,
  });
  return { waiting: count(data, 'waiting'), reviewedToday: count(data, 'reviewed') };
}
