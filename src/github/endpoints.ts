import { checkServiceUrl } from '../core/serviceUrl';

/** Where the REST and GraphQL APIs live for a configured `leadDesk.github.apiUrl`. */
export interface GitHubEndpoints {
  /** REST root without a trailing slash, e.g. https://api.github.com or https://ghe.example.com/api/v3 */
  readonly apiUrl: string;
  /** GraphQL endpoint derived from the REST root. */
  readonly graphqlUrl: string;
  /** True for github.com, whose sign-in provider is `github`; everything else uses `github-enterprise`. */
  readonly isDotCom: boolean;
  /** The web host's origin (for github-enterprise.uri and links), e.g. https://ghe.example.com */
  readonly webUrl: string;
}

/** The configured API URL fails the shared check; the message is the one the settings check shows. */
export class InvalidApiUrlError extends Error {
  override readonly name = 'InvalidApiUrlError';
  constructor(problem: string) {
    super(problem);
  }
  static is(err: unknown): err is InvalidApiUrlError {
    return err instanceof InvalidApiUrlError;
  }
}

export function resolveEndpoints(configured: string): GitHubEndpoints {
  const checked = checkServiceUrl(configured, 'github');
  if (!checked.ok) throw new InvalidApiUrlError(checked.problem);
  const url = checked.url;
  const apiUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  const isDotCom = url.hostname === 'api.github.com';
  // GHES serves REST at /api/v3 and GraphQL at /api/graphql; github.com and the sandbox at /graphql.
  const graphqlUrl = /\/api\/v3$/.test(apiUrl) ? apiUrl.replace(/\/api\/v3$/, '/api/graphql') : `${apiUrl}/graphql`;
  const webUrl = isDotCom ? 'https://github.com' : url.origin;
  return { apiUrl, graphqlUrl, isDotCom, webUrl };
}
