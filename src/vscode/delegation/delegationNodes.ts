import * as vscode from 'vscode';
import { markdown, tree, type InertText } from '../../core/inertText';
import { ViewItem } from '../../core/viewItems';
import { inertMarkdown } from '../ui/markdown';
import type { CandidateRow } from '../../core/delegation/findCandidates';
import { LineNode } from '../tree/lineNode';
import { TreeNode, treeItem } from '../tree/treeNode';
import type { ViewAction } from './delegationModel';
import { t } from '../l10n';

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
  if (row.openReviews === undefined) return row.login ? t('Open reviews unknown') : t('Open reviews unknown (no GitHub login)');
  if (row.openReviews === 0) return t('No open reviews');
  return row.openReviews === 1 ? t('1 open review') : t('{0} open reviews', row.openReviews);
}

/** Why someone with no access to the repository cannot take a review, and what to do. */
export function noAccessText(): string {
  return t('GitHub cannot ask them for a review: they have no access to this repository. Give them access, or pick someone else.');
}

export function availabilityText(row: CandidateRow): string {
  if (row.available === false) return row.statusMessage ? t('Busy: {0}', row.statusMessage) : t('Busy');
  if (row.available === true) return row.statusMessage ? t('Available ({0})', row.statusMessage) : t('Available');
  return row.login ? t('Availability unknown') : t('Availability unknown (no GitHub login)');
}

/** Where a candidate's GitHub login came from, as the tooltip's last line says it. */
const loginSourceLine: Readonly<Record<NonNullable<CandidateRow['loginSource']>, () => InertText<'markdown'>>> = {
  mapping: () => markdown`\n\nLogin from your leadDesk.delegation.logins.`,
  history: () => markdown`\n\nLogin from git history.`,
  github: () => markdown`\n\nLogin from GitHub's data for their commits.`,
};

function candidateDetails(node: CandidateNode): LineNode[] {
  const { row } = node;
  const details: LineNode[] = [
    detail(`${node.id}/load`, loadText(row), loadIcon(row)),
    detail(`${node.id}/availability`, availabilityText(row), availabilityIcon(row)),
  ];
  if (row.notRequestable) {
    details.push(detail(`${node.id}/login`, node.onPullRequest ? t('Cannot be requested: no GitHub login') : t('No GitHub login known'), new vscode.ThemeIcon('warning', yellow), row.notRequestable));
  } else if (row.canReview === false) {
    details.push(detail(`${node.id}/access`, node.onPullRequest ? t('Cannot be requested: no access to this repository') : t('No access to this repository'), new vscode.ThemeIcon('warning', yellow), noAccessText()));
  } else if (row.alreadyRequested) {
    details.push(detail(`${node.id}/requested`, t('Review already requested'), new vscode.ThemeIcon('check', green)));
  }
  return details;
}

/**
 * A suggested person. Menu commands receive this node and read `kind` and `row` from it
 * (see pickCandidate.ts).
 */
export class CandidateNode extends TreeNode {
  readonly kind = 'candidate';
  private readonly details: readonly LineNode[];

  constructor(
    id: string,
    readonly row: CandidateRow,
    readonly onPullRequest: boolean,
  ) {
    super(id);
    this.details = candidateDetails(this);
  }

  render(): vscode.TreeItem {
    const { row } = this;
    const item = treeItem(tree`${row.name}`, vscode.TreeItemCollapsibleState.Expanded);
    item.description = (row.login ? tree`@${row.login} · ${row.reason}` : tree`${row.reason}`).value;
    item.iconPath = personIcon(row);
    const parts: Array<InertText<'markdown'>> = [];
    parts.push(row.login ? markdown`**${row.name}** (@${row.login})\n\n` : markdown`**${row.name}**\n\n`);
    parts.push(markdown`${row.reason}\n\n`);
    parts.push(markdown`$(git-pull-request) ${loadText(row)}  \n`);
    parts.push(row.available === false ? markdown`$(circle-slash) ` : row.available ? markdown`$(pass-filled) ` : markdown`$(question) `);
    parts.push(markdown`${availabilityText(row)}`);
    if (row.login && row.loginSource) parts.push(loginSourceLine[row.loginSource]());
    if (row.notRequestable) parts.push(markdown`\n\n$(warning) ${row.notRequestable}`);
    else if (row.canReview === false) parts.push(markdown`\n\n$(warning) ${noAccessText()}`);
    item.tooltip = inertMarkdown(...parts);
    item.accessibilityInformation = { label: `${row.name}${row.login ? `, @${row.login}` : ''}. ${row.reason}. ${loadText(row)}. ${availabilityText(row)}.${row.canReview === false ? ` ${t('No access to this repository')}.` : ''}` };
    return item;
  }

  override contextValue(): string {
    const canRequest = this.onPullRequest && this.row.login !== undefined && !this.row.alreadyRequested && this.row.canReview !== false;
    return ViewItem.delegation.candidate({ canRequest, onPullRequest: this.onPullRequest });
  }

  override childNodes(): readonly TreeNode[] {
    return this.details;
  }
}

/** One fact about a suggested person: load, availability, login. */
function detail(id: string, label: string, icon: vscode.ThemeIcon, tooltip?: string): LineNode {
  return new LineNode(id, { label: tree`${label}`, icon, ...(tooltip ? { tooltip } : {}), contextValue: ViewItem.delegation.detail });
}

/** A line about the list itself (loading, a problem, a note), or an action to take. */
export function messageNode(id: string, label: string, icon: vscode.ThemeIcon, tooltip?: string, action?: ViewAction): LineNode {
  return new LineNode(id, {
    label: tree`${label}`,
    icon,
    tooltip: tooltip || label,
    ...(action ? { command: { title: action.title, command: action.command, arguments: action.arguments } } : {}),
    contextValue: ViewItem.delegation.message,
  });
}

export type DelegationNode = CandidateNode | LineNode;
