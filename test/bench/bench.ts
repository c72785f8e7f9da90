// `npm run bench` prints every figure the project measures; `npm run bench -- --json` also prints
// them as one JSON object on the last line. Each figure's key carries its unit (Bytes, Ms, Count…).
//
// A benchmark is a file `test/bench/*.bench.ts` whose default export returns its figures. Run one
// alone with `npm run bench -- <name>` (e.g. `npm run bench -- queue`).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Figures = Record<string, number | string>;
export interface BenchResult {
  readonly figures: Figures;
  /** Human lines, e.g. "refresh: 1 request, 2 points". */
  readonly lines: readonly string[];
}
export type Bench = () => Promise<BenchResult>;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const only = args.filter((a) => !a.startsWith('--'));
  const dir = __dirname;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
  const selected = only.length ? files.filter((f) => only.some((o) => f.startsWith(o))) : files;
  if (selected.length === 0) throw new Error(`no benchmark matches ${only.join(', ')}; have ${files.join(', ')}`);
  const all: Figures = {};
  for (const file of selected) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench | { default: Bench } };
    const bench = typeof mod.default === 'function' ? mod.default : mod.default.default;
    const started = Date.now();
    const result = await bench();
    console.log(`\n${file.replace('.bench.ts', '')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const line of result.lines) console.log(`  ${line}`);
    Object.assign(all, result.figures);
  }
  if (json) console.log(JSON.stringify(all));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
