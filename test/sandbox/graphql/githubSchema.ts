// GitHub's published GraphQL schema, made executable. The SDL in the package does not
// build (a duplicated field), so the introspection JSON is used. The package is ESM-only,
// hence the dynamic import from this CommonJS-compiled module.
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let cached: Promise<GraphQLSchema> | undefined;

export function loadGithubSchema(): Promise<GraphQLSchema> {
  cached ??= import('@octokit/graphql-schema').then((m) => buildClientSchema(m.schema.json as unknown as IntrospectionQuery));
  return cached;
}
