// Fields that need an OAuth scope the base "repo" token lacks. GitHub checks these before
// running the query and answers INSUFFICIENT_SCOPES with data null.
import type { FieldVisit } from './documentWalk';
import type { GithubGraphqlError } from './githubError';
import { locationOf } from './githubError';
import { satisfies } from '../auth/scopes';

/** "Type.field" → scopes, any one of which is enough. */
export const FIELD_SCOPES: Record<string, string[]> = {
  'Mutation.changeUserStatus': ['user'],
  'Organization.team': ['read:org'],
  'Organization.teams': ['read:org'],
  'Organization.membersWithRole': ['read:org'],
  'Team.members': ['read:org'],
  'User.email': ['user:email', 'read:user'],
};

const list = (xs: readonly string[]): string => `[${xs.map((s) => `'${s}'`).join(', ')}]`;

export function insufficientScopesError(field: string, needed: readonly string[], granted: readonly string[], v?: FieldVisit): GithubGraphqlError {
  return {
    type: 'INSUFFICIENT_SCOPES',
    ...(v ? { path: v.path, locations: locationOf(v.node) } : {}),
    message: `Your token has not been granted the required scopes to execute this query. The '${field}' field requires one of the following scopes: ${list(needed)}, but your token has only been granted the: ${list(granted)} scopes. Please modify your token's requested scopes at: https://github.com/settings/tokens.`,
  };
}

export function scopeErrors(visits: FieldVisit[], granted: readonly string[]): GithubGraphqlError[] {
  const errors: GithubGraphqlError[] = [];
  for (const v of visits) {
    const needed = FIELD_SCOPES[`${v.parentType.name}.${v.def.name}`];
    if (needed && !satisfies(granted, needed)) errors.push(insufficientScopesError(v.def.name, needed, granted, v));
  }
  return errors;
}
