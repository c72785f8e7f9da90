/** Recreates `dir` as a git repository with `commits` commits over the last year, by the scenario's team. */
export function makeDemoRepo(
  dir: string,
  scenario: unknown,
  options?: { commits?: number; now?: Date },
): Promise<{ commits: number; team: Array<{ login: string; name: string; email: string }>; remote: string }>;
