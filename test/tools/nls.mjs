// Keeps every user-facing text of the manifest in package.nls.json, so the palette, the views, the
// settings editor and the walkthrough can be translated (package.nls.<locale>.json beside it).
//   node test/tools/nls.mjs            list the literals still in package.json (exit 1 if any)
//   node test/tools/nls.mjs --write    move them into package.nls.json as %key% references
//
// Keys come from where the text sits (`command.leadDesk.refresh.title`), never from the order of
// entries, so converting is deterministic and idempotent: after a merge adds a literal, running it
// again converts only that literal and leaves every existing key alone. Entries no reference uses
// any more are dropped, so the file never grows stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import manifestText from './manifestText.cjs';

const { root, referencedKey, readManifest } = manifestText;
export { referencedKey };

// Schema keywords whose string is shown in the settings editor (or its validation message).
const schemaTexts = ['title', 'description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage', 'errorMessage', 'patternErrorMessage'];
// Schema keywords holding one shown string per enum value.
const schemaTextLists = ['enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels'];

/**
 * Every place in the manifest where a user-facing string sits: { key, get, set }, in document
 * order. `key` is the stable nls key for that place.
 */
export function textSlots(pkg) {
  const slots = [];
  const slot = (owner, prop, key) => {
    if (owner && typeof owner[prop] === 'string') slots.push({ key, get: () => owner[prop], set: (v) => (owner[prop] = v) });
  };
  const c = pkg.contributes ?? {};

  slot(pkg, 'displayName', 'displayName');
  slot(pkg, 'description', 'description');
  for (const kind of ['untrustedWorkspaces', 'virtualWorkspaces']) slot(pkg.capabilities?.[kind], 'description', `capabilities.${kind}.description`);

  for (const containers of Object.values(c.viewsContainers ?? {})) {
    for (const container of containers) slot(container, 'title', `viewsContainer.${container.id}.title`);
  }
  for (const views of Object.values(c.views ?? {})) {
    for (const view of views) {
      slot(view, 'name', `view.${view.id}.name`);
      slot(view, 'contextualTitle', `view.${view.id}.contextualTitle`);
    }
  }
  // A view may have several welcome texts (signed in or not); they are told apart by their place
  // among that view's entries, which only matters the first time one is converted.
  const welcomeCount = {};
  for (const welcome of c.viewsWelcome ?? []) {
    const n = (welcomeCount[welcome.view] = (welcomeCount[welcome.view] ?? 0) + 1);
    slot(welcome, 'contents', `viewsWelcome.${welcome.view}.${n}`);
  }
  for (const command of c.commands ?? []) {
    slot(command, 'title', `command.${command.command}.title`);
    slot(command, 'shortTitle', `command.${command.command}.shortTitle`);
    // Every command shares its category's text, so translators see "Lead Desk" once.
    if (typeof command.category === 'string' && !referencedKey(command.category)) {
      slot(command, 'category', `category.${camel(command.category)}`);
    }
  }
  for (const submenu of c.submenus ?? []) slot(submenu, 'label', `submenu.${submenu.id}.label`);

  const sections = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  sections.forEach((section, i) => {
    slot(section, 'title', sections.length === 1 ? 'config.title' : `config.${section.id ?? i}.title`);
    for (const [name, schema] of Object.entries(section.properties ?? {})) schemaSlots(schema, `config.${name}`, slot, slots);
  });

  for (const walkthrough of c.walkthroughs ?? []) {
    const base = `walkthrough.${walkthrough.id}`;
    slot(walkthrough, 'title', `${base}.title`);
    slot(walkthrough, 'description', `${base}.description`);
    for (const step of walkthrough.steps ?? []) {
      slot(step, 'title', `${base}.step.${step.id}.title`);
      slot(step, 'description', `${base}.step.${step.id}.description`);
      slot(step.media, 'altText', `${base}.step.${step.id}.altText`);
    }
  }
  return slots;
}

function schemaSlots(schema, base, slot, slots) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  for (const prop of schemaTexts) slot(schema, prop, `${base}.${prop}`);
  for (const prop of schemaTextLists) {
    const list = schema[prop];
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      // Keyed by the enum value it describes, so adding a value in the middle moves no key.
      const which = typeof schema.enum?.[i] === 'string' ? schema.enum[i] : String(i);
      if (typeof list[i] === 'string') slots.push({ key: `${base}.${prop}.${which}`, get: () => list[i], set: (v) => (list[i] = v) });
    });
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {})) schemaSlots(sub, `${base}.properties.${name}`, slot, slots);
  if (Array.isArray(schema.items)) schema.items.forEach((s, i) => schemaSlots(s, `${base}.items.${i}`, slot, slots));
  else schemaSlots(schema.items, `${base}.items`, slot, slots);
  schemaSlots(schema.additionalProperties, `${base}.additionalProperties`, slot, slots);
  for (const combinator of ['anyOf', 'oneOf', 'allOf']) (schema[combinator] ?? []).forEach((s, i) => schemaSlots(s, `${base}.${combinator}.${i}`, slot, slots));
}

function camel(text) {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('') || 'text';
}

/** The literals still in the manifest: [{ key, value }]. */
export function literals(pkg) {
  return textSlots(pkg)
    .filter((s) => !referencedKey(s.get()))
    .map((s) => ({ key: s.key, value: s.get() }));
}

/** Every %key% the manifest uses, wherever it sits. */
export function references(value, found = new Set()) {
  if (typeof value === 'string') {
    const key = referencedKey(value);
    if (key) found.add(key);
  } else if (Array.isArray(value)) value.forEach((v) => references(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => references(v, found));
  return found;
}

/**
 * Moves every literal into the nls table. Returns new objects; the inputs are not changed. A key
 * already holding another text that something else still uses gets a numbered sibling instead.
 */
export function convert(pkgIn, nlsIn) {
  const pkg = structuredClone(pkgIn);
  const nls = { ...nlsIn };
  const slots = textSlots(pkg);
  const used = references(pkg);
  for (const s of slots) {
    const value = s.get();
    if (referencedKey(value)) continue;
    let key = s.key;
    for (let n = 2; used.has(key) && nls[key] !== value; n++) key = `${s.key}.${n}`;
    nls[key] = value;
    used.add(key);
    s.set(`%${key}%`);
  }
  return { pkg, nls: sortedKeys(Object.fromEntries(Object.entries(nls).filter(([k]) => used.has(k)))) };
}

function sortedKeys(table) {
  return Object.fromEntries(Object.keys(table).sort().map((k) => [k, table[k]]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { pkg, nls } = readManifest();
  if (process.argv.includes('--write')) {
    const out = convert(pkg, nls);
    writeFileSync(join(root, 'package.json'), `${JSON.stringify(out.pkg, null, 2)}\n`);
    writeFileSync(join(root, 'package.nls.json'), `${JSON.stringify(out.nls, null, 2)}\n`);
    console.log(`package.nls.json: ${Object.keys(out.nls).length} texts, ${literals(pkg).length} newly moved`);
  } else {
    const left = literals(pkg);
    for (const { key, value } of left) console.log(`${key}: ${JSON.stringify(value)}`);
    if (left.length) {
      console.error(`${left.length} literal(s) in package.json: run node test/tools/nls.mjs --write`);
      process.exit(1);
    }
  }
}
