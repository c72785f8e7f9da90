import * as vscode from 'vscode';
import type { InertText } from '../../core/inertText';

// The only place that makes a MarkdownString (lint enforces it). Content must be InertText made for
// Markdown; the string is never trusted (no command links) and never renders HTML. Theme icons are
// on because the extension's own tooltips use them; outside text has `$(` escaped for that.
export function inertMarkdown(...parts: ReadonlyArray<InertText<'markdown'>>): vscode.MarkdownString {
  const md = new vscode.MarkdownString(parts.map((p) => p.value).join(''), true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
