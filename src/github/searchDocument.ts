// One GraphQL document that carries several `search`es as aliases, with the viewer and the rate
// limit: the queue and the weekly update each fetch everything they show in one request this way.

export interface AliasedSearch {
  /** The field alias and the name of the query's variable: letters and digits only. */
  readonly alias: string;
  readonly query: string;
  /** The PullRequest fragment the nodes are read with. */
  readonly fragment: string;
  /** The cursor of a follow-up page. */
  readonly after?: string;
  /** Results on this search's page when not the document's `pageSize`: nested connections cost a request per result. */
  readonly first?: number;
}

export interface SearchDocument {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface SearchDocumentOptions {
  /** The operation name GitHub logs and the sandbox reports, e.g. `LeadDeskQueue`. */
  readonly operation: string;
  readonly pageSize: number;
  /** Fragment definitions by name; only those the searches use go into the document. */
  readonly fragments: Readonly<Record<string, string>>;
  /** Also ask for each search's total count (free). */
  readonly issueCount?: boolean;
}

export function buildSearchDocument(searches: readonly AliasedSearch[], options: SearchDocumentOptions): SearchDocument {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  const used = new Set<string>();
  for (const search of searches) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(search.alias)) throw new Error(`invalid search alias ${search.alias}`);
    if (options.fragments[search.fragment] === undefined) throw new Error(`unknown fragment ${search.fragment}`);
    used.add(search.fragment);
    declarations.push(`$${search.alias}: String!`);
    variables[search.alias] = search.query;
    if (search.after !== undefined) {
      declarations.push(`$${search.alias}After: String`);
      variables[`${search.alias}After`] = search.after;
    }
    fields.push(
      `  ${search.alias}: search(type: ISSUE, first: ${search.first ?? options.pageSize}, query: $${search.alias}${search.after !== undefined ? `, after: $${search.alias}After` : ''}) {${options.issueCount ? '\n    issueCount' : ''}
    pageInfo { hasNextPage endCursor }
    nodes { ...${search.fragment} }
  }`,
    );
  }
  const query = `query ${options.operation}${declarations.length ? `(${declarations.join(', ')})` : ''} {
  viewer { login }
  rateLimit { cost remaining resetAt }
${fields.join('\n')}
}
${[...used].map((name) => options.fragments[name]).join('\n')}`;
  return { query, variables };
}
