// Shared set-up for the focus guard tests: a sandbox on a clock the test controls, GitHub and
// Slack clients for the demo user, and counters over the sandbox's request log.
import { ManualClock } from '../../../src/core/clock';
import { silentLogger } from '../../../src/core/logger';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { createSlackClient } from '../../../src/guards/slackClient';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { DEMO } from '../../sandbox/testing/demoLogins';
import type { StatusRecord, UserRecord, SlackUserRecord } from '../../sandbox/state/records';
import { nodeId } from '../../sandbox/graphql/resolvers/nodeIds';
import { flakyNetwork, type FlakyNetwork } from './flakyNetwork';

export { DEMO };

export interface FocusSandbox {
  readonly sandbox: Sandbox;
  readonly clock: ManualClock;
  /** Between every client made here and the sandbox. */
  readonly network: FlakyNetwork;
  github(token?: string, timeoutMs?: number): GitHubClient;
  slack(token?: string, timeoutMs?: number): ReturnType<typeof createSlackClient>;
  lead(): UserRecord;
  slackLead(): SlackUserRecord;
  setStatus(status: Partial<StatusRecord> | null): void;
  changeUserStatusCount(): number;
  /** An organisation the lead belongs to: its login and GraphQL node id. */
  leadOrg(): { login: string; id: string };
  slackCalls(method: string): number;
  close(): Promise<void>;
}

/** `at`: the instant the clock starts at, and the demo's relative dates are counted from (now by default). */
export async function startFocusSandbox(options: { readonly at?: number } = {}): Promise<FocusSandbox> {
  // Whole seconds, as GitHub and Slack report times.
  const clock = new ManualClock(Math.floor((options.at ?? Date.now()) / 1000) * 1000);
  const sandbox = await startSandbox({ scenario: loadScenario('demo', new Date(clock.now())), now: () => new Date(clock.now()) });
  const lead = () => sandbox.state.users.find((u) => u.login === DEMO.viewer)!;
  const slackLead = () => sandbox.state.slack.users.find((u) => u.githubLogin === DEMO.viewer)!;
  const network = flakyNetwork();
  return {
    sandbox,
    clock,
    network,
    github: (token = DEMO.fullToken, timeoutMs) =>
      createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token, log: silentLogger, unthrottled: true, retryBaseMs: 5, timeoutMs, fetch: network.fetch }),
    slack: (token = DEMO.slackToken, timeoutMs) => createSlackClient(token, { apiUrl: sandbox.slackApiUrl, timeoutMs, fetch: network.fetch }),
    leadOrg() {
      const org = sandbox.state.orgs.find((o) => o.members.includes(DEMO.viewer))!;
      return { login: org.login, id: nodeId('Organization', org.id) };
    },
    lead,
    slackLead,
    setStatus(status) {
      const iso = new Date(clock.now()).toISOString();
      lead().status = status
        ? { emoji: null, message: null, limitedAvailability: false, expiresAt: null, createdAt: iso, updatedAt: iso, ...status }
        : null;
    },
    changeUserStatusCount: () => sandbox.requests.filter((r) => r.graphqlOperation === 'LeadDeskChangeUserStatus' && r.status === 200).length,
    slackCalls: (method) => sandbox.requests.filter((r) => r.route === `slack ${method}`).length,
    close: () => sandbox.close(),
  };
}
