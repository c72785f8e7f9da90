// The draft (Markdown, possibly edited by the lead) as Slack mrkdwn. Slack has no backslash escape:
// `&`, `<` and `>` become entities, so no `<!channel>`, `<@U…>` or `<url|text>` can come from the
// text; formatting characters that came as literal text (escaped in the Markdown) become look-alikes,
// so a title cannot bold, strike or quote the rest of the message; an `@` gets a word joiner, so
// `@channel` or `@here` written in a title cannot ping anyone; and bare addresses are broken up
// (Slack links `example.com` by itself). Only the draft's own Markdown links become Slack links.
import { httpUrl } from './httpUrl';

const lookAlike: Readonly<Record<string, string>> = { '*': '∗', _: '＿', '~': '～', '`': 'ˋ' };
const wordJoiner = '\u2060';

/** Literal text for Slack: entities, look-alikes, no mention and no autolink. */
export function slackText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (c) => lookAlike[c])
    .replace(/@/g, `@${wordJoiner}`)
    .replace(/:\/\//g, `:${wordJoiner}//`)
    .replace(/(\w)\.(?=\w)/g, `$1${wordJoiner}.`);
}

function slackUrl(raw: string): string | undefined {
  // Inside <url|text>, `|` and `>` would end the address.
  return httpUrl(raw)?.href.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
}

interface Span {
  readonly kind: 'text' | 'bold' | 'italic' | 'strike' | 'code' | 'link';
  readonly text: string;
  readonly url?: string;
}

/** Finds the closing `marker` from `from`, skipping backslash escapes; -1 when there is none. */
function closing(line: string, marker: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line.startsWith(marker, i) && i > from) return i;
  }
  return -1;
}

/** Splits one line of Markdown into spans; anything that is not well-formed stays text. */
function spans(line: string): Span[] {
  const out: Span[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1])) {
      text += line[++i];
      continue;
    }
    if (c === '`') {
      const end = line.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: line.slice(i + 1, end) });
        i = end;
        continue;
      }
    }
    if (c === '[') {
      const end = closing(line, ']', i + 1);
      const m = end > 0 ? /^\(([^()\s]+)\)/.exec(line.slice(end + 1)) : null;
      if (m) {
        flush();
        out.push({ kind: 'link', text: line.slice(i + 1, end), url: m[1] });
        i = end + m[0].length;
        continue;
      }
    }
    const pair = ['**', '__', '~~', '*', '_'].find((p) => line.startsWith(p, i));
    // As in CommonMark, an underscore inside a word (snake_case) is not emphasis.
    if (pair && !(pair[0] === '_' && i > 0 && /\w/.test(line[i - 1]))) {
      const end = closing(line, pair, i + pair.length);
      if (end > 0) {
        flush();
        const kind = pair === '~~' ? 'strike' : pair.length === 2 ? 'bold' : 'italic';
        out.push({ kind, text: line.slice(i + pair.length, end) });
        i = end + pair.length - 1;
        continue;
      }
    }
    text += c;
  }
  flush();
  return out;
}

/** Inline Markdown to mrkdwn; nested markup inside a span is converted as plain text. */
function inline(line: string): string {
  return spans(line)
    .map((s) => {
      const inner = s.kind === 'code' ? slackText(s.text) : spans(s.text).map((p) => slackText(p.text)).join('');
      switch (s.kind) {
        case 'text':
          return slackText(s.text);
        case 'bold':
          return `*${inner}*`;
        case 'italic':
          return `_${inner}_`;
        case 'strike':
          return `~${inner}~`;
        case 'code':
          return `\`${inner}\``;
        case 'link': {
          const url = slackUrl(s.url ?? '');
          return url ? `<${url}|${inner}>` : inner;
        }
      }
    })
    .join('');
}

/** The whole draft: headings become bold lines, list items bullets, quotes stay quotes. */
export function toSlackMrkdwn(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out = lines.map((line) => {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) return `*${inline(heading[1])}*`;
    const item = /^(\s*)[-*+]\s+(.*)$/.exec(line);
    if (item) return `${item[1]}• ${inline(item[2])}`;
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (quote) return `> ${inline(quote[1])}`;
    return inline(line);
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
