// POST /graphql (and GHES /api/graphql): parse, validate against GitHub's schema, apply
// GitHub's extra rules (pagination, node limit, scopes), charge the cost, then execute.
import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
} from 'graphql';
import type { Exchange } from '../http/exchange';
import type { Identity } from '../auth/tokens';
import { scopeHeader } from '../auth/scopes';
import type { RateLimiter } from '../limits/rateLimiter';
import { rateHeaders, rateLimitedMessage } from '../limits/rateLimiter';
import type { SandboxState } from '../state/records';
import { loadGithubSchema } from './githubSchema';
import { walkOperation, type FieldVisit } from './documentWalk';
import { nodeCount, nodeLimitErrors, paginationErrors } from './paginationRules';
import { queryCost } from './queryCost';
import { scopeErrors } from './scopeRules';
import { toGithubError, toGithubExecutionError } from './validationErrors';
import type { GithubGraphqlError } from './githubError';
import type { GqlContext } from './resolvers/context';
import { queryRoot } from './resolvers/rootQuery';
import { mutationRoot } from './resolvers/rootMutation';

export interface GraphqlDeps {
  state: SandboxState;
  limiter: RateLimiter;
  now: () => Date;
  webUrl: string;
}

interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export async function handleGraphql(ex: Exchange, who: Identity, deps: GraphqlDeps): Promise<void> {
  const key = who.token.token;
  const baseHeaders = (): Record<string, string> => ({
    'x-oauth-scopes': scopeHeader(who.token.scopes),
    'x-accepted-oauth-scopes': 'repo',
    ...rateHeaders(deps.limiter.peek(key, 'graphql')),
  });
  const fail = (errors: GithubGraphqlError[], withNullData = false): void =>
    ex.json(200, withNullData ? { data: null, errors } : { errors }, baseHeaders());

  if (ex.method !== 'POST') {
    ex.json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/graphql', status: '404' }, baseHeaders());
    return;
  }
  const body = ex.parseBody();
  if (!body || typeof body !== 'object') {
    ex.json(400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql', status: '400' }, baseHeaders());
    return;
  }
  const { query, variables, operationName } = body as GraphqlBody;
  if (typeof query !== 'string') return fail([{ message: 'A query attribute must be specified and must be a string.' }]);

  const schema = await loadGithubSchema();
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch (e) {
    if (e instanceof GraphQLError) return fail([toGithubError(e)]);
    throw e;
  }
  const invalid = validate(schema, doc);
  if (invalid.length) return fail(invalid.map(toGithubError));

  const opName = typeof operationName === 'string' && operationName ? operationName : undefined;
  const operation = getOperationAST(doc, opName);
  if (!operation) return fail([{ message: opName ? `No operation named "${opName}"` : 'An operation name is required when the document has several operations.' }]);
  const rawVariables = (variables && typeof variables === 'object' ? variables : {}) as Record<string, unknown>;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return fail(coerced.errors.map(toGithubError));

  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const visits: FieldVisit[] = [];
  walkOperation(schema, operation, fragments, coerced.coerced, (v) => visits.push(v));

  const ruleErrors = [...paginationErrors(visits), ...nodeLimitErrors(visits)];
  if (ruleErrors.length) return fail(ruleErrors);
  const scopeProblems = scopeErrors(visits, who.token.scopes);
  if (scopeProblems.length) return fail(scopeProblems, true);

  const cost = queryCost(visits);
  const nodes = nodeCount(visits);
  ex.log.graphqlCost = cost;
  ex.log.graphqlOperation = operation.name?.value ?? opName ?? operation.operation;

  if (deps.limiter.exhausted(key, 'graphql')) {
    return fail([{ type: 'RATE_LIMITED', message: rateLimitedMessage(who.user.id) }]);
  }
  const dryRun = visits.some((v) => v.parentType.name === 'Query' && v.def.name === 'rateLimit' && v.args.dryRun === true);
  const bucket = dryRun ? deps.limiter.peek(key, 'graphql') : deps.limiter.charge(key, 'graphql', cost);

  const ctx: GqlContext = { state: deps.state, now: deps.now(), viewer: who.user, token: who.token, webUrl: deps.webUrl, rate: { cost, nodeCount: nodes, bucket } };
  const result = await execute({
    schema,
    document: doc,
    rootValue: operation.operation === OperationTypeNode.MUTATION ? mutationRoot(ctx) : queryRoot(ctx),
    contextValue: ctx,
    variableValues: rawVariables,
    operationName: opName,
  });
  const out: Record<string, unknown> = { data: result.data ?? null };
  if (result.errors?.length) out.errors = result.errors.map(toGithubExecutionError);
  ex.json(200, out, { ...baseHeaders(), ...rateHeaders(bucket) });
}
