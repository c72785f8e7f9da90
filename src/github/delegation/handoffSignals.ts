// Review load, availability and access to the repository for the same few people, in one GraphQL
// document: the three things the delegation view asks about its candidates at the same moment.
// Asked apart, they were three requests, three shares of the rate limit and three answers to wait
// for; GitHub answers them together. Each part is read on its own, so a part GitHub answered
// badly fails alone, as it did when it was a request of its own.

import type { GitHubClient } from '../client';
import { availabilityFields, loginDeclarations, readAvailabilities, type Availability } from './availability';
import { batchQuery, queryDocument, repositoryVariables, type RepoRef } from './graphqlBatch';
import { asRecord, chunked, uniqueLogins } from './payload';
import { readReviewAccess, reviewAccessFields } from './reviewAccess';
import { readReviewLoad, reviewLoadDeclarations, reviewLoadFields } from './reviewLoad';

/** The fewest any of the three allowed in one document alone; a longer list is asked in chunks, side by side. */
const LOGINS_PER_REQUEST = 25;

/** One part's answer, or why it has none. */
export type Answer<T> = { readonly value: T } | { readonly error: unknown };

export interface HandoffSignals {
  /** Open review requests per lower-cased login. */
  readonly load: Answer<Map<string, number>>;
  readonly availability: Answer<Map<string, Availability>>;
  /** Whether the repository can ask each of them for a review; only when a repository was given. */
  readonly access?: Answer<Map<string, boolean>>;
}

/** The three signals for `logins`, in one request per 25 of them; access only when `repo` is given. */
export async function fetchHandoffSignals(client: GitHubClient, repo: RepoRef | undefined, logins: Iterable<string>, now: Date = new Date()): Promise<HandoffSignals> {
  const chunks = chunked(uniqueLogins(logins), LOGINS_PER_REQUEST);
  const answers = await Promise.all(chunks.map((chunk) => askChunk(client, repo, chunk, now).catch((error: unknown): HandoffSignals => failedAll(repo, error))));
  return {
    load: merged(answers.map((a) => a.load)),
    availability: merged(answers.map((a) => a.availability)),
    ...(repo ? { access: merged(answers.map((a) => a.access ?? { value: new Map<string, boolean>() })) } : {}),
  };
}

async function askChunk(client: GitHubClient, repo: RepoRef | undefined, chunk: readonly string[], now: Date): Promise<HandoffSignals> {
  const variables: Record<string, unknown> = repo ? repositoryVariables(repo) : {};
  const fields = [...reviewLoadFields(chunk, variables), ...availabilityFields(chunk, variables)];
  const repositoryFields = repo ? reviewAccessFields(chunk, variables) : [];
  const query = queryDocument('LeadDeskHandoffSignals', [...reviewLoadDeclarations(chunk), ...loginDeclarations(chunk)], fields, repositoryFields);
  const { data, missing } = await batchQuery(client, query, variables);
  return {
    load: answer(() => readReviewLoad(data, chunk)),
    availability: answer(() => readAvailabilities(data, missing, chunk, now)),
    ...(repo ? { access: answer(() => readReviewAccess(asRecord(data.repository), chunk)) } : {}),
  };
}

function answer<T>(read: () => T): Answer<T> {
  try {
    return { value: read() };
  } catch (error) {
    return { error };
  }
}

function failedAll(repo: RepoRef | undefined, error: unknown): HandoffSignals {
  return { load: { error }, availability: { error }, ...(repo ? { access: { error } } : {}) };
}

/** The chunks' answers as one: the first failure, if any chunk failed. */
function merged<K, V>(answers: ReadonlyArray<Answer<Map<K, V>>>): Answer<Map<K, V>> {
  const value = new Map<K, V>();
  for (const a of answers) {
    if ('error' in a) return a;
    for (const [k, v] of a.value) value.set(k, v);
  }
  return { value };
}

/** A part's value, or its failure thrown. */
export function valueOf<T>(a: Answer<T>): T {
  if ('error' in a) throw a.error;
  return a.value;
}
