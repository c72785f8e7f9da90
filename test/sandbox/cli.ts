// Starts the sandbox for the demo or for manual poking:
//   tsx test/sandbox/cli.ts --scenario demo --port 7777 [--host 127.0.0.1] [--latency 50] [--git-root DIR]
// Prints one JSON line (URLs and tokens) on stdout, then serves until SIGINT/SIGTERM.
import { loadScenario } from './scenarios/scenario';
import { startSandbox } from './server';

interface CliArgs {
  scenario: string;
  port: number;
  host: string;
  latencyMs: number;
  log: boolean;
  /** Where the repositories served over git are built (see SandboxOptions.gitRoot). */
  gitRoot?: string;
}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { scenario: 'demo', port: 0, host: '127.0.0.1', latencyMs: 0, log: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--scenario') args.scenario = next();
    else if (a === '--port') args.port = Number(next());
    else if (a === '--host') args.host = next();
    else if (a === '--latency') args.latencyMs = Number(next());
    else if (a === '--log') args.log = true;
    else if (a === '--git-root') args.gitRoot = next();
    else throw new Error(`Unknown argument ${a}. Usage: cli.ts [--scenario NAME|PATH] [--port N] [--host H] [--latency MS] [--log] [--git-root DIR]`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scenario = loadScenario(args.scenario);
  const sandbox = await startSandbox({ scenario, port: args.port, host: args.host, latencyMs: args.latencyMs, gitRoot: args.gitRoot });
  const viewer = scenario.viewer ?? scenario.tokens[0]?.login;
  process.stdout.write(
    JSON.stringify({
      url: sandbox.url,
      graphqlUrl: sandbox.graphqlUrl,
      ghesApiUrl: sandbox.ghesApiUrl,
      ghesGraphqlUrl: sandbox.ghesGraphqlUrl,
      slackApiUrl: sandbox.slackApiUrl,
      scenario: scenario.name ?? args.scenario,
      viewer,
      tokens: scenario.tokens.map((t) => ({ token: t.token, login: t.login, scopes: t.scopes })),
      slackTokens: (scenario.slack?.tokens ?? []).map((t) => ({ token: t.token, userId: t.userId, scopes: t.scopes })),
    }) + '\n',
  );
  if (args.log) {
    // Request lines go to stderr so stdout stays one machine-readable line.
    let seen = 0;
    setInterval(() => {
      for (; seen < sandbox.requests.length; seen++) {
        const r = sandbox.requests[seen];
        process.stderr.write(`${r.method} ${r.path} -> ${r.status}${r.graphqlCost !== undefined ? ` cost=${r.graphqlCost}` : ''}${r.fault ? ` fault=${r.fault}` : ''}\n`);
      }
    }, 250).unref();
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`[sandbox] failed to close after ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('[sandbox]', err instanceof Error ? err.message : err);
  process.exit(1);
});
