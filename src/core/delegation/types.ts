// Plain records shared by the git reader, the datasets and the delegation model. They carry
// what history says, unresolved: identities are merged later, in one place (identityResolver).

/** A person as written somewhere (author line, trailer, CODEOWNERS). Either part may be missing. */
export interface RawIdentity {
  readonly name?: string;
  readonly email?: string;
  /** A GitHub login, when the source knows it (CODEOWNERS, the GitHub API). */
  readonly login?: string;
}

export interface CommitRecord {
  readonly sha: string;
  /** Epoch milliseconds of the author date: when the work was done. */
  readonly time: number;
  readonly author: RawIdentity;
  /** From Co-authored-by trailers: they count as authors. */
  readonly coAuthors: readonly RawIdentity[];
  /** From Reviewed-by and Acked-by trailers. */
  readonly reviewers: readonly RawIdentity[];
  /**
   * Repository-relative paths with forward slashes. Empty for merges. The expertise index keeps
   * them as they are, so a reader cutting them from a larger text hands over copies that do not
   * point into it (detachedString), the same string for the same name (as logFormat.ts does).
   */
  readonly files: readonly string[];
  readonly merge: boolean;
}
