// Finds known files like a new one without comparing against every file in a large repository:
// an inverted index from path tokens to files proposes candidates, rarest tokens first, and only
// those are scored. Tokens shared by most of the tree ("src/", "c") propose nothing useful;
// closeness by directory is the directory back-off's job anyway.

import { mostSimilarFiles, pathTokens } from './pathSimilarity';
import type { SimilarFile } from './pathSimilarity';

const MAX_CANDIDATES = 500;

export class SimilarFileFinder {
  private readonly tokens = new Map<string, readonly string[]>();
  private readonly postings = new Map<string, string[]>();
  private indexed = 0;

  /** `files` only ever grows (the index appends), so syncing reads just the new tail. */
  constructor(private readonly files: () => readonly string[]) {}

  find(path: string, limit: number, minSimilarity: number): SimilarFile[] {
    this.sync();
    const wanted = [...new Set(pathTokens(path))]
      .map((t) => ({ t, files: this.postings.get(t) ?? [] }))
      .filter((x) => x.files.length > 0 && x.files.length <= MAX_CANDIDATES)
      .sort((a, b) => a.files.length - b.files.length);
    const candidates = new Set<string>();
    for (const { files } of wanted) {
      if (candidates.size + files.length > MAX_CANDIDATES) break;
      for (const f of files) candidates.add(f);
    }
    return mostSimilarFiles(path, [...candidates], limit, minSimilarity, (p) => this.tokensOf(p));
  }

  private tokensOf(path: string): readonly string[] {
    let t = this.tokens.get(path);
    if (!t) this.tokens.set(path, (t = pathTokens(path)));
    return t;
  }

  private sync(): void {
    const files = this.files();
    for (; this.indexed < files.length; this.indexed++) {
      const f = files[this.indexed];
      for (const t of new Set(this.tokensOf(f))) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push(f);
      }
    }
  }
}
