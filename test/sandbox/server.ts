// The local GitHub sandbox: one real HTTP server on 127.0.0.1 serving GitHub's REST API
// (github.com and GHES layouts), its GraphQL API and a slice of Slack's Web API, all over
// in-memory state seeded from a scenario.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Scenario } from './scenarios/scenario';
import type { SandboxState } from './state/records';
import { buildState } from './state/buildState';
import { Exchange } from './http/exchange';
import type { RequestLogEntry } from './http/requestLog';
import { RateLimiter } from './limits/rateLimiter';
import { FaultInjector, graphqlOperationName } from './faults/faultInjector';
import { applyFault } from './faults/applyFault';
import { BAD_CREDENTIALS, identify } from './auth/tokens';
import { handleRest } from './rest/restEndpoint';
import { handleGraphql } from './graphql/graphqlEndpoint';
import { loadGithubSchema } from './graphql/githubSchema';
import { handleSlack } from './slack/slackEndpoint';
import { handleControl } from './control';
import { addPull } from './state/addPull';
import { SandboxGit } from './git/gitRepos';
import { CalendarFeeds, handleCalendar } from './calendar/calendarFeeds';

export type { RequestLogEntry } from './http/requestLog';
export type { Fault, FaultSelector } from './faults/faultTypes';
export type { SandboxState } from './state/records';

export interface SandboxOptions {
  scenario: Scenario;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Added to every request before it is served (benchmarks). */
  latencyMs?: number;
  /** Clock for statuses, expiry and new records; defaults to the real time. */
  now?: () => Date;
  /** Host used in html_url/url fields that point at the website. */
  webUrl?: string;
  /**
   * Where the repositories served over git (`${url}/owner/name.git`) are built; a repository
   * already there keeps its history and gets the pull request refs added. A temporary folder by default.
   */
  gitRoot?: string;
}

export interface Sandbox {
  /** REST root in github.com layout; GraphQL at `${url}/graphql`. */
  url: string;
  /** REST root in GHES layout; GraphQL at `${origin}/api/graphql`. */
  ghesApiUrl: string;
  /** For `new WebClient(token, { slackApiUrl })`. */
  slackApiUrl: string;
  graphqlUrl: string;
  ghesGraphqlUrl: string;
  state: SandboxState;
  /** Calendar feeds at `${url}/calendar/:secret/:name.ics` (see calendar/calendarFeeds.ts). */
  calendar: CalendarFeeds;
  requests: RequestLogEntry[];
  clearRequests(): void;
  faults: FaultInjector;
  rateLimits: RateLimiter;
  /** Changes the latency added to every request. */
  setLatency(ms: number): void;
  /**
   * Stops listening and drops open connections, so clients see "connection refused", as when
   * the network is down; `online()` listens again on the same address.
   */
  offline(): Promise<void>;
  online(): Promise<void>;
  close(): Promise<void>;
}

export async function startSandbox(o: SandboxOptions): Promise<Sandbox> {
  const now = o.now ?? (() => new Date());
  const state = buildState(o.scenario, now());
  const limiter = new RateLimiter(() => state.rateLimits, () => now().getTime());
  const faults = new FaultInjector();
  const requests: RequestLogEntry[] = [];
  const webUrl = o.webUrl ?? 'https://github.com';
  let latencyMs = o.latencyMs ?? 0;
  const calendar = new CalendarFeeds(now);
  const git = new SandboxGit(state, { root: o.gitRoot });
  // Build the schema before listening so the first GraphQL request is not slow.
  await loadGithubSchema();

  const serve = async (ex: Exchange): Promise<void> => {
    requests.push(ex.log);
    await ex.readBody();
    const who = ex.api === 'slack' ? undefined : identify(state, ex);
    if (who) ex.log.login = who.user.login;
    const fault = faults.take({ api: ex.api, method: ex.method, path: ex.path, operation: ex.api === 'graphql' ? graphqlOperationName(ex.parseBody()) : undefined });
    if (fault && (await applyFault(ex, fault, who, () => faults.hold())) === 'handled') return;
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (await handleCalendar(ex, calendar)) return;
    if (ex.api === 'slack') return handleSlack(ex, state, now());
    if (!who) return ex.json(401, BAD_CREDENTIALS);
    if (ex.api === 'graphql') return handleGraphql(ex, who, { state, limiter, now, webUrl });
    return handleRest(ex, who, { state, limiter, now, webUrl });
  };

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (handleControl(req, res, { requests, addPull: (pull) => addPull(state, o.scenario, pull, now()), injectFault: (match, fault) => faults.inject(match, fault), clearFaults: () => faults.clear(), faults })) return;
    if (git.handle(req, res)) return;
    const ex = new Exchange(req, res);
    serve(ex).catch((err: unknown) => {
      // A bug in the sandbox should look like a GitHub 500, and be visible in test output.
      console.error('[sandbox] internal error:', err);
      if (!ex.finished) ex.json(500, { message: 'Server Error', documentation_url: 'https://docs.github.com/rest', status: '500' });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listen = (port: number, hostname: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, hostname, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Keep-alive sockets would hold close() open until they time out.
      for (const s of sockets) s.destroy();
    });
  await listen(o.port ?? 0, o.host ?? '127.0.0.1');
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const origin = `http://${host}:${port}`;

  return {
    url: origin,
    ghesApiUrl: `${origin}/api/v3`,
    slackApiUrl: `${origin}/slack/api/`,
    graphqlUrl: `${origin}/graphql`,
    ghesGraphqlUrl: `${origin}/api/graphql`,
    state,
    calendar,
    requests,
    clearRequests: () => void requests.splice(0, requests.length),
    faults,
    rateLimits: limiter,
    setLatency: (ms) => void (latencyMs = ms),
    offline: () => stopListening(),
    online: async () => {
      if (!server.listening) await listen(port, address);
    },
    close: async () => {
      faults.clear();
      if (server.listening) await stopListening();
      await git.close();
    },
  };
}
