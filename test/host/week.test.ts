import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hostEnv, leadDeskExtension, sandboxFetch, waitFor } from './hostEnv';

/** What `leadDesk.inspectWeek` returns (see src/vscode/week/weekViewProvider.ts). */
interface WeekInspection {
  resolved: boolean;
  pageReady: boolean;
  week: string;
  posted: number;
  html?: string;
  data?: {
    title: string;
    line: string;
    days: Array<{ label: string; within: Record<string, number> }>;
    items: Array<{ title: string; category: string }>;
    notes: string[];
  };
}

interface FocusInspection {
  state: { block?: { id: string; startedAt?: number } };
  statusBar: { text: string };
}

const inspectWeek = async (): Promise<WeekInspection> => {
  const result = await vscode.commands.executeCommand<WeekInspection | undefined>('leadDesk.inspectWeek');
  assert.ok(result, 'leadDesk.inspectWeek returned nothing');
  return result;
};

// A pull request title written to run code in a page that renders it as HTML.
const hostileTitle = '<img src=x onerror=alert(1)><script>alert(2)</script> Fix parser';

describe('This Week view', () => {
  before(async () => {
    await leadDeskExtension().activate();
    const focus = await vscode.commands.executeCommand<FocusInspection>('leadDesk.inspectFocus');
    if (focus.state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
  });

  it('resolves with the week seeded by a finished review block, its page running under a nonce-only CSP', async () => {
    // Seed: a review block of a pull request with a hostile title, run for a moment, stopped. It must
    // have lasted some time: a block of no time is not among where the time went.
    // Start Review Block takes only a pull request the queue shows, so the sandbox gets one with that title first.
    const hour = 3_600_000;
    const at = (ago: number) => new Date(Date.now() - ago).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const added = await sandboxFetch('/_sandbox/pulls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ repo: 'acme/api', number: 777, title: hostileTitle, author: 'priya', createdAt: at(2 * hour), files: [{ path: 'src/parser.ts', additions: 3, deletions: 1 }], reviewRequests: [{ user: hostEnv.expectedLogin, requestedAt: at(hour) }] }),
    });
    assert.equal(added.status, 201, await added.text());
    await vscode.commands.executeCommand('leadDesk.refresh');
    const review = await vscode.commands.executeCommand<{ pullRequest: { title: string } } | undefined>('leadDesk.startReviewBlock', { pullRequest: { owner: 'acme', repo: 'api', number: 777 } });
    assert.equal(review?.pullRequest.title, hostileTitle);
    const started = Date.now();
    await waitFor('the review block to have run a second', () => (Date.now() - started >= 1000 ? true : undefined));
    await vscode.commands.executeCommand('leadDesk.stopFocusBlock');

    await vscode.commands.executeCommand('leadDesk.week.focus');
    const shown = await waitFor('the This Week page to draw a week', async () => {
      const i = await inspectWeek();
      return i.resolved && i.pageReady && i.posted > 0 && i.data ? i : undefined;
    }, 30_000);
    await vscode.commands.executeCommand('leadDesk.refreshWeek');
    const after = await inspectWeek();
    const data = after.data!;
    assert.equal(data.title, 'This week');
    assert.match(data.line, /deep work of \d+(\.\d)? h target/);
    assert.ok(data.days.length >= 5, `only ${data.days.length} days`);
    assert.ok(data.items.some((i) => i.title === hostileTitle && i.category === 'review'), `items: ${JSON.stringify(data.items)}`);
    assert.ok(data.notes.some((n) => n.startsWith('No calendar')));

    const html = shown.html ?? '';
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    // Scripts run only by this page's nonce; styles and images only from VS Code's own resource origin.
    assert.match(csp, /(^|; )script-src 'nonce-[A-Za-z0-9+/=]+'($|;)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn\.net)/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'the page has an inline event handler');
    assert.doesNotMatch(html, /onerror|<img/, 'outside text reached the page source');
  });
});
