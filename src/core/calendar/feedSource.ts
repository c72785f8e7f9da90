// Where a calendar comes from and what reading it can come to, shared by the readers (src/calendar),
// the cache (src/storage) and the refresh use case (src/app/calendar).

export interface FeedSource {
  /** Stable: a random id for a URL feed (the URL is a secret), `file:` plus the path for a file. */
  readonly id: string;
  /** The lead's name for it, or the file's name. */
  readonly name: string;
  readonly kind: 'url' | 'file';
  /** The URL (a secret: never log or show it) or the file path. */
  readonly location: string;
}

export interface FeedValidators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'fetched'; readonly text: string; readonly validators: FeedValidators }
  /** `problem` says what happened without the URL: "the server answered HTTP 500". */
  | { readonly kind: 'failed'; readonly problem: string };

export interface CachedFeed {
  readonly text: string;
  readonly validators: FeedValidators;
  /** When this copy was fetched (epoch ms). */
  readonly fetchedAt: number;
}

/** The last good copy of each feed, kept across restarts. */
export interface FeedCache {
  load(feedId: string): Promise<CachedFeed | undefined>;
  save(feedId: string, copy: CachedFeed): Promise<void>;
  remove(feedId: string): Promise<void>;
}
