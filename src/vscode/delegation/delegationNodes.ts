import * as vscode from 'vscode';
import { markdown, tree, type InertText } from '../../core/inertText';
import { inertMarkdown } from '../ui/markdown';
import type { CandidateRow } from '../../core/delegation/findCandidates';
import type { ViewAction } from './delegationModel';

/** A suggested person, with what the commands need to act on them. */
export interface CandidateNode {
  readonly kind: 'candidate';
  readonly id: string;
  readonly row: CandidateRow;
  readonly onPullRequest: boolean;
}

export interface DetailNode {
  readonly kind: 'detail';
  readonly id: string;
  readonly label: string;
  readonly icon: vscode.ThemeIcon;
  readonly tooltip?: string;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly id: string;
  readonly label: string;
  readonly icon: vscode.ThemeIcon;
  readonly tooltip?: string;
  readonly action?: ViewAction;
}

export type DelegationNode = CandidateNode | DetailNode | MessageNode;

/** Open reviews at which a person starts to look busy, and overloaded. */
const LOAD_WARN = 3;
const LOAD_HIGH = 5;

const green = new vscode.ThemeColor('charts.green');
const yellow = new vscode.ThemeColor('charts.yellow');
const red = new vscode.ThemeColor('charts.red');
const muted = new vscode.ThemeColor('disabledForeground');

export function availabilityIcon(row: CandidateRow): vscode.ThemeIcon {
  if (row.available === false) return new vscode.ThemeIcon('circle-slash', red);
  if (row.available === true) return new vscode.ThemeIcon('pass-filled', green);
  return new vscode.ThemeIcon('question', muted);
}

export function loadIcon(row: CandidateRow): vscode.ThemeIcon {
  if (row.openReviews === undefined) return new vscode.ThemeIcon('git-pull-request', muted);
  return new vscode.ThemeIcon('git-pull-request', row.openReviews >= LOAD_HIGH ? red : row.openReviews >= LOAD_WARN ? yellow : green);
}

/** The person's own icon sums both signals: busy beats load, load beats "fine". */
export function personIcon(row: CandidateRow): vscode.ThemeIcon {
  if (row.available === false) return new vscode.ThemeIcon('account', red);
  if (row.openReviews !== undefined && row.openReviews >= LOAD_HIGH) return new vscode.ThemeIcon('account', red);
  if (row.openReviews !== undefined && row.openReviews >= LOAD_WARN) return new vscode.ThemeIcon('account', yellow);
  if (row.available === true || row.openReviews !== undefined) return new vscode.ThemeIcon('account', green);
  return new vscode.ThemeIcon('account');
}

export function loadText(row: CandidateRow): string {
  if (row.openReviews === undefined) return row.login ? 'Open reviews unknown' : 'Open reviews unknown (no GitHub login)';
  return row.openReviews === 0 ? 'No open reviews' : `${row.openReviews} open ${row.openReviews === 1 ? 'review' : 'reviews'}`;
}

export function availabilityText(row: CandidateRow): string {
  if (row.available === false) return row.statusMessage ? `Busy: ${row.statusMessage}` : 'Busy';
  if (row.available === true) return row.statusMessage ? `Available (${row.statusMessage})` : 'Available';
  return row.login ? 'Availability unknown' : 'Availability unknown (no GitHub login)';
}

const SOURCE_TEXT = { mapping: 'your leadDesk.delegation.logins', history: 'git history', github: "GitHub's data for their commits" } as const;

export function candidateDetails(node: CandidateNode): DetailNode[] {
  const { row } = node;
  const details: DetailNode[] = [
    { kind: 'detail', id: `${node.id}/load`, label: loadText(row), icon: loadIcon(row) },
    { kind: 'detail', id: `${node.id}/availability`, label: availabilityText(row), icon: availabilityIcon(row) },
  ];
  if (row.notRequestable) {
    details.push({ kind: 'detail', id: `${node.id}/login`, label: node.onPullRequest ? 'Cannot be requested: no GitHub login' : 'No GitHub login known', icon: new vscode.ThemeIcon('warning', yellow), tooltip: row.notRequestable });
  } else if (row.alreadyRequested) {
    details.push({ kind: 'detail', id: `${node.id}/requested`, label: 'Review already requested', icon: new vscode.ThemeIcon('check', green) });
  }
  return details;
}

export function candidateTreeItem(node: CandidateNode): vscode.TreeItem {
  const { row } = node;
  const item = new vscode.TreeItem(tree`${row.name}`.value, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = (row.login ? tree`@${row.login} · ${row.reason}` : tree`${row.reason}`).value;
  item.iconPath = personIcon(row);
  const canRequest = node.onPullRequest && row.login !== undefined && !row.alreadyRequested;
  item.contextValue = ['delegationCandidate', canRequest ? 'canRequest' : 'cannotRequest', node.onPullRequest ? 'onPullRequest' : 'onFile'].join(' ');
  const parts: Array<InertText<'markdown'>> = [];
  parts.push(row.login ? markdown`**${row.name}** (@${row.login})\n\n` : markdown`**${row.name}**\n\n`);
  parts.push(markdown`${row.reason}\n\n`);
  parts.push(markdown`$(git-pull-request) ${loadText(row)}  \n`);
  parts.push(row.available === false ? markdown`$(circle-slash) ` : row.available ? markdown`$(pass-filled) ` : markdown`$(question) `);
  parts.push(markdown`${availabilityText(row)}`);
  if (row.login && row.loginSource) parts.push(markdown`\n\nLogin from ${SOURCE_TEXT[row.loginSource]}.`);
  if (row.notRequestable) parts.push(markdown`\n\n$(warning) ${row.notRequestable}`);
  item.tooltip = inertMarkdown(...parts);
  item.accessibilityInformation = { label: `${row.name}${row.login ? `, @${row.login}` : ''}. ${row.reason}. ${loadText(row)}. ${availabilityText(row)}.` };
  return item;
}

export function detailTreeItem(node: DetailNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = node.icon;
  item.contextValue = 'delegationDetail';
  if (node.tooltip) item.tooltip = node.tooltip;
  return item;
}

export function messageTreeItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = node.icon;
  item.tooltip = node.tooltip ?? node.label;
  item.contextValue = 'delegationMessage';
  if (node.action) item.command = { title: node.action.title, command: node.action.command, arguments: node.action.arguments };
  return item;
}

