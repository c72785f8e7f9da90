// The network between Lead Desk and the sandbox, for faults the sandbox cannot make by itself: a
// request that reaches the server and is applied, then its answer is lost with the network going
// down; or no network at all. Real HTTP throughout: the wrapper only drops answers and refuses.

type Fetch = typeof globalThis.fetch;

export interface FlakyNetwork {
  readonly fetch: Fetch;
  /** The next request `matches` accepts is sent and applied; its answer is lost and the network goes down. */
  loseAnswerOf(matches: (url: string, body: string) => boolean): void;
  /**
   * The next request `matches` accepts is sent and applied, and its answer never comes: the call
   * hangs until the client's own deadline aborts it.
   */
  hangAnswerOf(matches: (url: string, body: string) => boolean): void;
  /** Every request fails without being sent, as when the machine is offline. */
  goOffline(): void;
  restore(): void;
  /** Requests refused or whose answer was dropped. */
  readonly dropped: number;
}

function bodyText(init: RequestInit | undefined): string {
  return typeof init?.body === 'string' ? init.body : '';
}

export function flakyNetwork(): FlakyNetwork {
  let offline = false;
  let lose: ((url: string, body: string) => boolean) | undefined;
  let hang: ((url: string, body: string) => boolean) | undefined;
  let dropped = 0;
  const refuse = () => {
    dropped++;
    return Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
  };
  const fetch: Fetch = async (input, init) => {
    if (offline) return refuse();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (lose && lose(url, bodyText(init))) {
      lose = undefined;
      const answer = await globalThis.fetch(input, init);
      await answer.arrayBuffer();
      offline = true;
      dropped++;
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    }
    if (hang && hang(url, bodyText(init))) {
      hang = undefined;
      const signal = init?.signal;
      const answer = await globalThis.fetch(input, { ...init, signal: undefined });
      await answer.arrayBuffer();
      dropped++;
      if (!signal) throw new Error('a hanging request needs a deadline');
      await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
      throw signal.reason;
    }
    return globalThis.fetch(input, init);
  };
  return {
    fetch,
    loseAnswerOf: (matches) => void (lose = matches),
    hangAnswerOf: (matches) => void (hang = matches),
    goOffline: () => void (offline = true),
    restore: () => {
      offline = false;
      lose = undefined;
      hang = undefined;
    },
    get dropped() {
      return dropped;
    },
  };
}

/** A GraphQL request for the named operation. */
export const graphqlOperation = (name: string) => (url: string, body: string): boolean => url.endsWith('/graphql') && body.includes(name);
/** A Slack Web API method call. */
export const slackMethod = (method: string) => (url: string): boolean => url.includes(`/${method}`);
