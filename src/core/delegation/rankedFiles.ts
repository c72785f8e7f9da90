// Which of a pull request's files a suggestion is ranked on. Scoring costs a fraction of a
// millisecond per file on the extension host, so a change of thousands of files (a rename or a
// reformat across the tree) would hold it for most of a second, and its many small edits say
// little about who should review it: the most-changed files carry the substance.
import { translated } from '../inertText';
import { countText } from '../countText';

export const MAX_RANKED_FILES = 300;

export interface ChangedLines {
  readonly path: string;
  readonly additions: number;
  readonly deletions: number;
}

/** All paths when there are few; else the `max` with the most lines changed, in the list's order on ties. */
export function filesToRank(files: readonly ChangedLines[], max = MAX_RANKED_FILES): string[] {
  if (files.length <= max) return files.map((f) => f.path);
  return files
    .map((file, order) => ({ file, order, lines: file.additions + file.deletions }))
    .sort((a, b) => b.lines - a.lines || a.order - b.order)
    .slice(0, max)
    .map((x) => x.file.path);
}

/** What the view says when the ranking did not use every changed file, or undefined when it did. */
export function rankedFilesNote(ranked: number, listed: number, changed: number): string | undefined {
  if (ranked < listed) return translated`Ranked on the ${ranked} most-changed of ${countText(changed)} changed files.`;
  if (listed < changed) return translated`Ranked on the first ${countText(listed)} of ${countText(changed)} changed files (GitHub lists no more).`;
  return undefined;
}
