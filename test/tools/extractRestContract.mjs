#!/usr/bin/env node
// Extracts the response schemas of the REST operations the local GitHub sandbox serves
// from GitHub's OpenAPI description (@octokit/openapi) into test/sandbox/restContract.json.
//
// @octokit/openapi is ~385 MB installed, so it is not a dependency. Install it on demand:
//   npm i --no-save @octokit/openapi            (into this project), or
//   npm i --no-save --prefix /tmp/openapi @octokit/openapi  and pass  --from /tmp/openapi
// then run:  node test/tools/extractRestContract.mjs [--from DIR] [--variant api.github.com|ghes-3.19] [--out FILE]
//
// The contract keeps only what validation needs (types, required, properties, enums, formats,
// nullable, composition) so the committed file stays small and diffs stay readable.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');

/** Operations served by test/sandbox (keep in sync with test/sandbox/rest/routes.ts). */
export const SERVED_OPERATIONS = [
  ['get', '/user'],
  ['get', '/rate_limit'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['delete', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/search/issues'],
];

// Keywords that carry no validation meaning; dropping them keeps the file small.
const DROP_KEYS = new Set(['description', 'example', 'examples', 'externalDocs', 'title', 'discriminator', 'deprecated', 'readOnly', 'writeOnly']);

function parseArgs(argv) {
  const args = { from: undefined, variant: 'api.github.com', out: path.join(projectRoot, 'test/sandbox/restContract.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from') args.from = argv[++i];
    else if (a === '--variant') args.variant = argv[++i];
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`Unknown argument ${a}`);
  }
  return args;
}

function locatePackage(from) {
  const base = from ? path.join(path.resolve(from), 'index.js') : path.join(projectRoot, 'index.js');
  const require = createRequire(base);
  try {
    return path.dirname(require.resolve('@octokit/openapi/package.json'));
  } catch {
    return undefined;
  }
}

function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROP_KEYS.has(k) || k.startsWith('x-')) continue;
    // `properties` maps names to schemas: a property may legitimately be called "description".
    if (k === 'properties') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, strip(s)]));
      continue;
    }
    out[k] = strip(v);
  }
  return out;
}

function collectRefs(node, found) {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, found);
  } else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') found.add(node.$ref);
    for (const v of Object.values(node)) collectRefs(v, found);
  }
}

function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`External $ref not supported: ${ref}`);
  return ref.slice(2).split('/').reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

function extract(doc, operations) {
  const ops = {};
  const schemaRefs = new Set();
  for (const [method, route] of operations) {
    const op = doc.paths[route]?.[method];
    if (!op) throw new Error(`Operation ${method.toUpperCase()} ${route} not found in the description`);
    const responses = {};
    for (const [status, raw] of Object.entries(op.responses)) {
      const res = raw.$ref ? resolvePointer(doc, raw.$ref) : raw;
      const schema = res?.content?.['application/json']?.schema;
      if (!schema) continue;
      responses[status] = strip(schema);
      collectRefs(schema, schemaRefs);
    }
    ops[`${method.toUpperCase()} ${route}`] = { operationId: op.operationId, responses };
  }
  // Pull in every component schema reachable from the responses.
  const components = {};
  const queue = [...schemaRefs];
  while (queue.length) {
    const ref = queue.pop();
    const name = ref.replace('#/components/schemas/', '');
    if (components[name]) continue;
    const schema = resolvePointer(doc, ref);
    if (!schema) throw new Error(`Unresolvable ${ref}`);
    components[name] = strip(schema);
    const nested = new Set();
    collectRefs(schema, nested);
    for (const r of nested) if (!components[r.replace('#/components/schemas/', '')]) queue.push(r);
  }
  const sorted = Object.fromEntries(Object.keys(components).sort().map((k) => [k, components[k]]));
  return { operations: ops, components: { schemas: sorted } };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('Usage: node test/tools/extractRestContract.mjs [--from INSTALL_PREFIX] [--variant api.github.com|ghes-3.19] [--out FILE]');
    return;
  }
  const pkgDir = locatePackage(args.from);
  if (!pkgDir) {
    console.error(
      '@octokit/openapi is not installed (it is ~385 MB, so it is not a project dependency).\n' +
        'Install it without saving, then run this script again:\n' +
        '  npm i --no-save @octokit/openapi\n' +
        'or into a scratch prefix:\n' +
        '  npm i --no-save --prefix /tmp/openapi @octokit/openapi && node test/tools/extractRestContract.mjs --from /tmp/openapi',
    );
    process.exitCode = 1;
    return;
  }
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  // Read the one description we need instead of requiring index.js, which parses all ten.
  const doc = JSON.parse(readFileSync(path.join(pkgDir, 'generated', `${args.variant}.json`), 'utf8'));
  const contract = {
    source: `@octokit/openapi@${pkg.version} generated/${args.variant}.json (OpenAPI ${doc.openapi})`,
    note: 'Generated by test/tools/extractRestContract.mjs. Do not edit by hand; re-run the script instead.',
    ...extract(doc, SERVED_OPERATIONS),
  };
  writeFileSync(args.out, JSON.stringify(contract, null, 1) + '\n');
  const size = Buffer.byteLength(JSON.stringify(contract));
  console.log(`Wrote ${path.relative(process.cwd(), args.out)}: ${Object.keys(contract.operations).length} operations, ${Object.keys(contract.components.schemas).length} schemas, ${Math.round(size / 1024)} KiB`);
}

main();
