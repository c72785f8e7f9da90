// A benchmark's child script bundled as the extension is (esbuild, plain Node, no TypeScript
// loader), so its time and memory are the product's and not tsx's. Built once per bench run.
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const built = new Map<string, Promise<string>>();

/** The bundled `test/bench/support/<name>.ts`, as a path under out/bench. */
export function bundledChild(name: string): Promise<string> {
  let script = built.get(name);
  if (!script) {
    script = (async () => {
      const outfile = join(root, 'out', 'bench', `${name}.cjs`);
      await build({ entryPoints: [join(__dirname, `${name}.ts`)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
      return outfile;
    })();
    built.set(name, script);
  }
  return script;
}
