// Text written by other people (PR titles, author names, file paths, server errors) must never turn
// into an action. Each VS Code surface interprets a different syntax, so each has its own escaper,
// and the result carries a type that only this module can make: the editor wrappers in
// src/vscode/ui/ accept nothing else, so raw outside text cannot reach a notification, a picker or
// a tooltip by accident.

/** The surfaces that interpret text, each with its own syntax. */
export type Surface = 'message' | 'pick' | 'tree' | 'markdown' | 'comment' | 'document';

// C0/C1 controls (tab and newline are handled by each surface), zero-width and bidi controls
// (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF): they hide or reorder what the user reads.
const invisible = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Drops invisible characters and folds every run of whitespace (newlines too) into one space.
 * Edges are kept: an interpolated " (Tue 10:00)" keeps the space that separates it.
 */
export function oneLine(text: string): string {
  return text.replace(invisible, '').replace(/\s+/g, ' ');
}

/** Drops invisible characters and keeps line breaks, for surfaces that show several lines. */
function keepLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(invisible, '').replace(/[^\S\n]+/g, ' ');
}

// Notifications and dialogs turn `[label](target)` into a link and run `command:` targets. They know
// no escape character, so the brackets become look-alikes: a link needs `[`…`](`, and without a real
// `[` none can form. Parentheses stay, so "Fix (again)" reads as written.
function escapeMessage(text: string): string {
  return oneLine(text).replace(/\[/g, '［').replace(/\]/g, '］');
}

// Quick picks and the status bar draw `$(name)` as an icon; `\$(` is their escape for a literal.
function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

function escapePick(text: string): string {
  return escapeIcons(oneLine(text));
}

// Tree labels and descriptions are plain text; they only need to be one clean line.
function escapeTree(text: string): string {
  return oneLine(text);
}

// CommonMark lets a backslash escape any ASCII punctuation, and an escaped character is always
// literal. Every character that starts or ends Markdown syntax is escaped, so no link, image, HTML
// tag, entity, emphasis, heading, list, table or autolink (`https:\/\/`, `www\.`, `a\@b\.c`) can
// form. Punctuation that starts nothing (`,` `:` `;` `?` `'` `"` `%`) stays, so text reads as typed. Icon syntax is escaped first, as VS Code's own appendText does, so
// `$(x)` stays literal in tooltips that show icons.
const asciiPunctuation = /[!#$&()*+\-./<=>@[\\\]^_`{|}~]/g;
function escapeMarkdown(text: string): string {
  return escapeIcons(oneLine(text)).replace(asciiPunctuation, '\\$&');
}

// A comment posted under the lead's name: the Markdown escape stops links, images and HTML; GitHub
// still reads `@login` and `#123` in plain text, so a zero-width space (as an entity, which the
// renderer keeps) stops mentions and cross-references without changing what people read.
function escapeComment(text: string): string {
  return escapeMarkdown(text).replace(/\\@/g, '@&#8203;').replace(/\\#/g, '#&#8203;');
}

// A Markdown document the lead reads, edits and sends on (the weekly update): no link, image, HTML,
// emphasis, code span or mention may form, yet a title should still read as typed. So only the
// characters that can start syntax in the middle of a line are escaped, plus the ones GitHub and
// Slack turn into autolinks (`https://`, `www.`) or mentions (`@`). Outside text is always placed
// mid-line by the code, so line-start markers (`-`, `1.`, `#`) need no escape.
const documentPunctuation = /[\\`*_{}[\]<>()#!|~&@$]/g;
function escapeDocument(text: string): string {
  return oneLine(text)
    .replace(documentPunctuation, '\\$&')
    .replace(/:\/\//g, '\\:\\/\\/')
    .replace(/\b(www)\./gi, '$1\\.');
}

const escapers: Record<Surface, (text: string) => string> = {
  message: escapeMessage,
  pick: escapePick,
  tree: escapeTree,
  markdown: escapeMarkdown,
  comment: escapeComment,
  document: escapeDocument,
};

// Only this module can make InertText: the constructor is private and the one way in is this
// function, assigned inside the class and never exported.
let mint: <S extends Surface>(surface: S, value: string) => InertText<S>;

/** Text that is safe to show on surface S: literals from the code, outside text escaped for S. */
export class InertText<S extends Surface> {
  static {
    mint = (surface, value) => new InertText(surface, value);
  }

  private constructor(
    readonly surface: S,
    readonly value: string,
  ) {}

  toString(): string {
    return this.value;
  }
}

/** Anything that may be interpolated: outside strings are escaped, inert text of the same surface is kept. */
export type Interpolation<S extends Surface> = string | number | InertText<S>;

/**
 * Puts a template's text in the lead's language. `key` is the template's static text with `{0}`,
 * `{1}`… where the values go (the l10n bundle's key); `args` are the values, already escaped for
 * the surface, so a translation can move them but never un-escape them.
 */
export type Translator = (key: string, args: readonly string[]) => string;

let translator: Translator | undefined;

/** Installed by the editor glue at activation; without one every text stays as written. */
export function setTranslator(next: Translator | undefined): void {
  translator = next;
}

// What the lead reads in the editor is translated. Comments and documents are posted to, or read by,
// other people, whose language the lead's display language does not decide.
const translatedSurfaces: ReadonlySet<Surface> = new Set<Surface>(['message', 'pick', 'tree', 'markdown']);

/** The l10n key of a template: its static parts joined by `{0}`, `{1}`… */
export function l10nKey(strings: readonly string[]): string {
  return strings.reduce((key, part, i) => (i === 0 ? part : `${key}{${i - 1}}${part}`), '');
}

/**
 * Whether a template's text can go through a translator: it must say something besides its values
 * and icons (`$(name)`), and its own text must not contain `{n}`, which the translator would read as
 * a placeholder.
 */
export function isTranslatable(strings: readonly string[]): boolean {
  const words = strings.join('').replace(/\$\([\w-]+\)/g, '');
  return /\p{L}/u.test(words) && !strings.some((part) => /\{\d+\}/.test(part));
}

function render(surface: Surface, strings: readonly string[], args: readonly string[]): string {
  const english = () => strings.reduce((out, part, i) => (i === 0 ? part : out + args[i - 1] + part), '');
  if (!translator || !translatedSurfaces.has(surface) || !isTranslatable(strings)) return english();
  try {
    const text = translator(l10nKey(strings), args);
    return typeof text === 'string' ? text : english();
  } catch {
    // A broken translation must not cost the lead the message itself.
    return english();
  }
}

function template<S extends Surface>(surface: S) {
  const escape = escapers[surface];
  return (strings: TemplateStringsArray, ...values: ReadonlyArray<Interpolation<S>>): InertText<S> =>
    mint(surface, render(surface, strings, values.map((value) => piece(surface, escape, value))));
}

function piece<S extends Surface>(surface: S, escape: (text: string) => string, value: Interpolation<S>): string {
  if (value instanceof InertText) {
    // Not translated: a programming error, caught by the tests.
    if (value.surface !== surface) throw new Error(`Text made inert for a ${value.surface} cannot be shown in a ${surface}.`);
    return value.value;
  }
  return escape(String(value));
}

/** Notification and modal text: `message\`${pr.author} asked for your review\``. */
export const message = template('message');
/** Quick-pick label, description and detail, and status-bar text. */
export const pick = template('pick');
/** Tree item label and description. */
export const tree = template('tree');
/** MarkdownString content (tooltips, hovers). */
export const markdown = template('markdown');
/** A comment GitHub shows under the lead's name. */
export const comment = template('comment');

/** A line of a Markdown document (the weekly update draft). */
export const documentText = template('document');

/**
 * A sentence built in core or app for the lead to read (a status-bar text, a reason, an error that
 * ends in a toast), in the lead's language, as a plain string: `translated\`Stopped after ${d}.\``.
 * Keyed like the tags above ("Stopped after {0}."). Its values are not escaped: they are the code's
 * own (durations, counts, clock times, other translated sentences); outside text in it is escaped
 * when the glue shows the whole string through a tag.
 */
export function translated(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  return render('message', strings, values.map(String));
}

/** Joins inert pieces of one surface, e.g. a list of names. */
export function joinInert<S extends Surface>(surface: S, parts: ReadonlyArray<Interpolation<S>>, separator: string): InertText<S> {
  const escape = escapers[surface];
  return mint(surface, parts.map((p) => piece(surface, escape, p)).join(separator));
}

/** Outside text escaped for one surface, as a plain string, for code that builds a whole text itself. */
export function escapeFor(surface: Surface, text: string): string {
  return escapers[surface](text);
}

/** Markdown that keeps its line breaks: each line escaped, joined with Markdown hard breaks. */
export function markdownLines(text: string): InertText<'markdown'> {
  return mint('markdown', keepLines(text).split('\n').map(escapeMarkdown).join('  \n'));
}
