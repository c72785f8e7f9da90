// RevFinder's idea (Thongtanunam et al., 2015): a file nobody has touched is still close to files
// that share leading directories, a trailing name, or a run of path parts. File names are split
// into words too, so "test/test-fs-copyfile.c" is near "src/unix/fs.c" and "test/test-fs.c".

export function pathTokens(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  const name = parts.pop() ?? '';
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s._-]+/)
    .filter((w) => w !== '');
  return [...parts.map((p) => `${p}/`), ...words];
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = up;
    }
  }
  return best;
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = up;
    }
  }
  return prev[b.length];
}

/** 0..1: the mean of RevFinder's four string comparisons over path tokens. */
export function pathSimilarity(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 0;
  return (commonPrefix(a, b) + commonSuffix(a, b) + longestCommonRun(a, b) + longestCommonSubsequence(a, b)) / (4 * n);
}

export interface SimilarFile {
  readonly path: string;
  readonly similarity: number;
}

/** The `limit` known files most like `path`, at least `minSimilarity` alike, best first. */
export function mostSimilarFiles(path: string, known: readonly string[], limit: number, minSimilarity: number, tokens: (p: string) => readonly string[] = pathTokens): SimilarFile[] {
  const target = tokens(path);
  const found: SimilarFile[] = [];
  for (const k of known) {
    if (k === path) continue;
    const similarity = pathSimilarity(target, tokens(k));
    if (similarity >= minSimilarity) found.push({ path: k, similarity });
  }
  found.sort((x, y) => y.similarity - x.similarity || x.path.localeCompare(y.path));
  return found.slice(0, limit);
}
