// Maps graphql-js validation errors onto GitHub's wording and extension codes where GitHub's
// differ, so clients that read error codes see what github.com would send.
import type { GraphQLError } from 'graphql';
import type { GithubGraphqlError } from './githubError';

interface Mapping {
  pattern: RegExp;
  map: (m: RegExpExecArray) => { message?: string; extensions: Record<string, unknown> };
}

const MAPPINGS: Mapping[] = [
  {
    pattern: /^Cannot query field "(.+?)" on type "(.+?)"\./,
    map: (m) => ({
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] },
    }),
  },
  {
    pattern: /^Unknown argument "(.+?)" on field "(.+?)\.(.+?)"\./,
    map: (m) => ({
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: 'argumentNotAccepted', name: m[3], typeName: 'Field', argumentName: m[1] },
    }),
  },
  {
    // Keep graphql-js's "Did you mean ...?" hint: it names the right input field.
    pattern: /^Field "(.+?)" is not defined by type "(.+?)"\./,
    map: (m) => ({ extensions: { code: 'argumentNotAccepted', name: m[2], typeName: 'InputObject', argumentName: m[1] } }),
  },
  {
    pattern: /^Field "(.+?)" argument "(.+?)" of type "(.+?)" is required/,
    map: (m) => ({
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: { code: 'missingRequiredArguments', className: 'Field', name: m[1], arguments: m[2] },
    }),
  },
  { pattern: /^Value "(.+?)" does not exist in "(.+?)" enum/, map: () => ({ extensions: { code: 'argumentLiteralsIncompatible' } }) },
  { pattern: /^Variable "\$(.+?)" of required type/, map: () => ({ extensions: { code: 'variableMismatch' } }) },
];

export function toGithubError(err: GraphQLError): GithubGraphqlError {
  const out: GithubGraphqlError = { message: err.message };
  if (err.locations) out.locations = err.locations.map(({ line, column }) => ({ line, column }));
  for (const { pattern, map } of MAPPINGS) {
    const m = pattern.exec(err.message);
    if (m) {
      const mapped = map(m);
      if (mapped.message) out.message = mapped.message;
      out.extensions = mapped.extensions;
      break;
    }
  }
  return out;
}

/** Execution errors: lift extensions.type (NOT_FOUND, FORBIDDEN...) to GitHub's top-level "type". */
export function toGithubExecutionError(err: GraphQLError): GithubGraphqlError {
  const out: GithubGraphqlError = { message: err.message };
  const type = err.extensions?.type;
  if (typeof type === 'string') out.type = type;
  if (err.path) out.path = [...err.path];
  if (err.locations) out.locations = err.locations.map(({ line, column }) => ({ line, column }));
  return out;
}
