// Prints the README's settings table from package.json, so the two never disagree:
//   node test/tools/settingsTable.mjs            print the table
//   node test/tools/settingsTable.mjs --write    replace the table between the markers in README.md
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import manifestText from './manifestText.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const begin = '<!-- settings:begin -->';
const end = '<!-- settings:end -->';

export function settingsTable(pkg) {
  const props = pkg.contributes.configuration.properties;
  const rows = Object.entries(props).map(([key, p]) => {
    const def = JSON.stringify(p.default ?? null);
    const text = String(p.markdownDescription ?? p.description ?? '').replace(/\n+/g, ' ').replace(/\|/g, '\\|');
    return `| \`${key}\` | \`${def.replace(/\|/g, '\\|')}\` | ${text} |`;
  });
  return ['| Setting | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

export function readmeWithTable(readme, table) {
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`README.md needs ${begin} … ${end} markers`);
  return `${readme.slice(0, start + begin.length)}\n${table}\n${readme.slice(stop)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The table shows the English texts, as the settings editor does.
  const pkg = manifestText.readResolvedManifest(root);
  const table = settingsTable(pkg);
  if (process.argv.includes('--write')) {
    const path = join(root, 'README.md');
    writeFileSync(path, readmeWithTable(readFileSync(path, 'utf8'), table));
  } else {
    console.log(table);
  }
}
