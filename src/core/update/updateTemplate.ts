// Fills a weekly-update template: `{{name}}` placeholders are replaced, HTML comments (where the
// shipped template documents its placeholders) are dropped, and an unknown placeholder is left as
// typed and reported, so a typo shows in the draft instead of vanishing.
import { translated } from '../inertText';
import { placeholders, type Placeholder } from './renderDraft';

export interface FilledTemplate {
  readonly text: string;
  /** One message per unknown placeholder, naming it. */
  readonly problems: readonly string[];
}

const isPlaceholder = (name: string): name is Placeholder => Object.prototype.hasOwnProperty.call(placeholders, name);

export function fillTemplate(template: string, values: Readonly<Record<Placeholder, string>>): FilledTemplate {
  const problems = new Set<string>();
  const withoutComments = template.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->\n?/g, '');
  // One pass, so a value that happens to contain "{{x}}" (a title) is never expanded again.
  const text = withoutComments.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) => {
    if (isPlaceholder(name)) return values[name];
    problems.add(translated`The template uses {{${name}}}, which Lead Desk does not know; it is left as typed. Known placeholders: ${Object.keys(placeholders).join(', ')}.`);
    return whole;
  });
  return { text: `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`, problems: [...problems] };
}
