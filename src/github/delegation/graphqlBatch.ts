import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { asArray, asRecord, asString, type JsonRecord } from './payload';

/** A repository on GitHub, as the lookups inside it name it. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface BatchResult {
  readonly data: JsonRecord;
  /** Aliases GitHub answered with NOT_FOUND (a deleted account, a commit it does not have). */
  readonly missing: ReadonlySet<string>;
}

/**
 * Runs one document of aliased lookups. GitHub answers a lookup that finds nothing with a null
 * field plus a NOT_FOUND error, and Octokit throws for any error, so a batch of twenty logins
 * would fail for one renamed account. Those errors are taken apart here: NOT_FOUND on an alias is
 * a missing entry, anything else is a real failure.
 */
export async function batchQuery(client: GitHubClient, query: string, variables: Record<string, unknown>): Promise<BatchResult> {
  try {
    const data = await client.graphql<Record<string, unknown>>(query, variables);
    return { data, missing: new Set() };
  } catch (err) {
    const partial = partialData(err);
    if (!partial) throw err;
    return partial;
  }
}

function partialData(err: unknown): BatchResult | undefined {
  if (!GitHubError.is(err, 'validation')) return undefined;
  const cause = asRecord(err.cause);
  const data = asRecord(cause?.data);
  const errors = asArray(cause?.errors);
  if (!data || errors.length === 0) return undefined;
  const missing = new Set<string>();
  for (const e of errors) {
    const record = asRecord(e);
    if (asString(record?.type) !== 'NOT_FOUND') return undefined;
    const alias = asString(asArray(record?.path)[0]);
    if (alias) missing.add(alias);
  }
  return { data, missing };
}

/**
 * A query document: its variables' declarations, its top-level fields, and fields inside the
 * repository named by `$owner` and `$name` (declared here when there are any).
 */
export function queryDocument(operation: string, declarations: readonly string[], fields: readonly string[], repositoryFields: readonly string[] = []): string {
  const inRepository = repositoryFields.length > 0;
  const declared = inRepository ? ['$owner: String!', '$name: String!', ...declarations] : declarations;
  const body = inRepository ? [...fields, '  repository(owner: $owner, name: $name) {', ...repositoryFields.map((f) => `    ${f.trim()}`), '  }'] : fields;
  return `query ${operation}(${declared.join(', ')}) {\n${body.join('\n')}\n}`;
}

/** The variables that name a repository for queryDocument. */
export const repositoryVariables = (repo: RepoRef): Record<string, unknown> => ({ owner: repo.owner, name: repo.repo });

/**
 * One document of aliased lookups inside a repository, a value each: `field(i, variable)` writes
 * the i-th lookup, whose value is sent as `variable`, of GraphQL type `type`. The repository's
 * object from the answer (undefined when GitHub gave none).
 */
export async function repositoryBatch(client: GitHubClient, operation: string, repo: RepoRef, type: string, values: readonly string[], field: (i: number, variable: string) => string): Promise<JsonRecord | undefined> {
  const variables = repositoryVariables(repo);
  values.forEach((value, i) => (variables[`v${i}`] = value));
  const query = queryDocument(
    operation,
    values.map((_v, i) => `$v${i}: ${type}`),
    [],
    values.map((_v, i) => field(i, `$v${i}`)),
  );
  return asRecord((await batchQuery(client, query, variables)).data.repository);
}
