// GitHub's GraphQL error shape: a top-level "type" next to message, path and locations.
import type { ASTNode } from 'graphql';

export interface GithubGraphqlError {
  type?: string;
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export function locationOf(node: ASTNode | undefined): { line: number; column: number }[] | undefined {
  const loc = node?.loc;
  if (!loc) return undefined;
  const { line, column } = loc.startToken;
  return [{ line, column }];
}
