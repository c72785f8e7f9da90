// A seeded week for the weekly update tests: Friday 2026-03-06 15:00 in Lisbon, a team whose titles
// carry Markdown, Slack mrkdwn and HTML, and a few pull requests that are at risk for each reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpdateData, UpdatePullRequest } from '../../../src/core/update/updateTypes';

export const zone = 'Europe/Lisbon';
export const fridayAfternoon = '2026-03-06T15:00:00Z';

export const defaultTemplate = readFileSync(join(import.meta.dirname, '../../../media/update/weeklyUpdate.md'), 'utf8');

export function pr(repository: string, number: number, title: string, o: Partial<UpdatePullRequest> = {}): UpdatePullRequest {
  return {
    repository,
    number,
    title,
    url: `https://github.com/${repository}/pull/${number}`,
    author: 'priya',
    isDraft: false,
    createdAt: '2026-03-02T10:00:00Z',
    updatedAt: '2026-03-06T09:00:00Z',
    labels: [],
    ...o,
  };
}

/** Titles written to break things: links, images, HTML, emphasis, mentions, mrkdwn. */
export const hostileTitles = [
  'Fix [login](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) flow',
  '![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> *bold* _it_ `code`',
  '<!channel> <!here> <@U0LEAD0001> @channel @here ping',
  '<https://evil.example|Click me> ~strike~ *all* > quote',
  'Visit www.evil.example or https://evil.example/x & more',
];

export function seededWeek(): UpdateData {
  const merged = [
    pr('acme/api', 501, hostileTitles[0], { author: 'priya', mergedAt: '2026-03-03T11:00:00Z', labels: ['security'], milestone: { title: 'Webhooks v2', dueOn: '2026-03-12T00:00:00Z', url: 'https://github.com/acme/api/milestone/3' } }),
    pr('acme/api', 502, hostileTitles[1], { author: 'marco', mergedAt: '2026-03-04T16:30:00Z', labels: ['backend', 'ui'] }),
    pr('acme/web', 88, hostileTitles[2], { author: 'sofia', mergedAt: '2026-03-05T08:15:00Z' }),
    pr('acme/web', 89, 'Dark mode toggle', { author: undefined, mergedAt: '2026-03-02T09:30:00Z', milestone: { title: 'Q1 <launch>', dueOn: '2026-03-10T00:00:00Z' } }),
    // Merged the week before: the search window and the draft agree it is not this week's.
    pr('acme/web', 80, 'Last week', { mergedAt: '2026-02-27T10:00:00Z' }),
  ];
  const open = [
    pr('acme/api', 510, hostileTitles[3], { author: 'jin', reviewDecision: 'CHANGES_REQUESTED', updatedAt: '2026-03-04T09:00:00Z' }),
    pr('acme/api', 511, hostileTitles[4], { author: 'dan', checks: 'FAILURE', updatedAt: '2026-03-05T10:00:00Z', createdAt: '2026-03-05T09:00:00Z' }),
    pr('acme/web', 90, 'Upgrade React', { author: 'dan', reviewDecision: 'REVIEW_REQUIRED', createdAt: '2026-03-02T09:00:00Z', updatedAt: '2026-03-06T14:00:00Z' }),
    pr('acme/web', 91, 'Spike: new gateway', { author: 'marco', isDraft: true, updatedAt: '2026-02-20T09:00:00Z' }),
    pr('acme/infra', 7, 'Rotate keys', { author: 'lead', reviewDecision: 'APPROVED', createdAt: '2026-03-06T10:00:00Z', updatedAt: '2026-03-06T13:00:00Z', checks: 'SUCCESS' }),
    pr('acme/infra', 3, 'Old read replica', { author: 'marco', createdAt: '2026-02-10T09:00:00Z', updatedAt: '2026-02-16T09:00:00Z' }),
  ];
  return { viewer: 'lead', merged, open, reviewedByMe: [open[0], open[2], open[0]], requests: 1, cost: 1, truncated: [], authored: [], handoffs: [] };
}
