// Turns a scenario into the sandbox's mutable state: fills defaults, assigns stable ids,
// and rejects scenarios that name people, teams or repos that do not exist, because a
// typo there would otherwise surface as a confusing empty search result.
import { createHash } from 'node:crypto';
import type { Scenario, ScenarioCommit, ScenarioPull } from '../scenarios/scenario';
import { isoSeconds, resolveRelativeDates } from '../scenarios/relativeDates';
import type { CommitRecord, PullRecord, RepoRecord, SandboxState, SlackState, TimelineEventRecord, UserRecord } from './records';

const DEFAULT_LIMITS = { core: 5000, search: 30, graphql: 5000 };

export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

function noreplyEmail(user: UserRecord): string {
  return `${user.id}+${user.login}@users.noreply.github.com`;
}

export function buildState(input: Scenario, now: Date): SandboxState {
  const scenario = resolveRelativeDates(input, now);
  const nowIso = isoSeconds(now);
  const yearAgo = isoSeconds(new Date(now.getTime() - 365 * 86400e3));
  const users: UserRecord[] = scenario.users.map((u, i) => ({
    login: u.login,
    id: u.id ?? 1001 + i,
    name: u.name ?? null,
    email: u.email ?? null,
    company: u.company ?? null,
    location: u.location ?? null,
    bio: u.bio ?? null,
    type: u.type ?? 'User',
    createdAt: u.createdAt ?? yearAgo,
    status: u.status
      ? {
          emoji: u.status.emoji ?? null,
          message: u.status.message ?? null,
          limitedAvailability: u.status.limitedAvailability ?? false,
          expiresAt: u.status.expiresAt ?? null,
          createdAt: u.status.createdAt ?? nowIso,
          updatedAt: u.status.createdAt ?? nowIso,
        }
      : null,
  }));
  const userByLogin = new Map(users.map((u) => [u.login.toLowerCase(), u]));
  const requireUser = (login: string, where: string): UserRecord => {
    const u = userByLogin.get(login.toLowerCase());
    if (!u) throw new Error(`Scenario ${where} names unknown user "${login}"`);
    return u;
  };

  const orgs = (scenario.orgs ?? []).map((o, i) => {
    o.members.forEach((m) => requireUser(m, `org ${o.login}`));
    return { login: o.login, id: o.id ?? 2001 + i, name: o.name ?? o.login, description: o.description ?? null, members: [...o.members], createdAt: yearAgo };
  });
  const orgLogins = new Set(orgs.map((o) => o.login.toLowerCase()));
  const teams = (scenario.teams ?? []).map((t, i) => {
    if (!orgLogins.has(t.org.toLowerCase())) throw new Error(`Team ${t.slug} names unknown org "${t.org}"`);
    t.members.forEach((m) => requireUser(m, `team ${t.org}/${t.slug}`));
    return { org: t.org, slug: t.slug, name: t.name, id: t.id ?? 3001 + i, description: t.description ?? null, members: [...t.members] };
  });
  const teamKeys = new Set(teams.map((t) => `${t.org}/${t.slug}`.toLowerCase()));

  const toCommit = (c: ScenarioCommit): CommitRecord => {
    const user = c.author ? requireUser(c.author, `commit ${c.sha}`) : undefined;
    return {
      sha: c.sha,
      message: c.message,
      author: user?.login ?? null,
      authorName: c.authorName ?? user?.name ?? user?.login ?? 'Unknown',
      authorEmail: c.authorEmail ?? (user ? noreplyEmail(user) : 'unknown@example.com'),
      date: c.date,
    };
  };

  const repos: RepoRecord[] = scenario.repos.map((r, i) => {
    r.collaborators.forEach((c) => requireUser(c, `repo ${r.owner}/${r.name}`));
    const ownerIsOrg = orgLogins.has(r.owner.toLowerCase());
    if (!ownerIsOrg) requireUser(r.owner, `repo ${r.owner}/${r.name} owner`);
    return {
      owner: r.owner,
      ownerType: ownerIsOrg ? 'Organization' : 'User',
      name: r.name,
      id: r.id ?? 4001 + i,
      description: r.description ?? null,
      private: r.private ?? false,
      archived: r.archived ?? false,
      defaultBranch: r.defaultBranch ?? 'main',
      language: r.language ?? 'TypeScript',
      collaborators: [...r.collaborators],
      requiredApprovals: r.requiredApprovals ?? 1,
      createdAt: r.createdAt ?? yearAgo,
      pushedAt: r.pushedAt ?? nowIso,
      files: { ...(r.files ?? {}) },
      commits: (r.commits ?? []).map(toCommit),
    };
  });
  const repoByName = new Map(repos.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]));

  let nextId = 900001;
  const pulls = scenario.pullRequests.map((p, i): PullRecord => {
    const repo = repoByName.get(p.repo.toLowerCase());
    if (!repo) throw new Error(`PR ${p.repo}#${p.number} names unknown repo`);
    if (p.author) requireUser(p.author, `PR ${p.repo}#${p.number}`);
    const reviews = (p.reviews ?? []).map((r) => {
      requireUser(r.author, `PR ${p.repo}#${p.number} review`);
      return { id: nextId++, author: r.author, state: r.state, submittedAt: r.submittedAt, body: r.body ?? '', ...(r.commit ? { commitSha: r.commit } : {}) };
    });
    const requests = (p.reviewRequests ?? [])
      .map((rr) => {
        if (!!rr.user === !!rr.team) throw new Error(`PR ${p.repo}#${p.number}: a review request needs exactly one of user or team`);
        if (rr.user) requireUser(rr.user, `PR ${p.repo}#${p.number} review request`);
        if (rr.team && !teamKeys.has(rr.team.toLowerCase())) throw new Error(`PR ${p.repo}#${p.number} requests unknown team "${rr.team}"`);
        return { user: rr.user, team: rr.team, requestedAt: rr.requestedAt, asCodeOwner: rr.asCodeOwner ?? false, requestedBy: rr.requestedBy ?? p.author };
      })
      // GitHub drops a user's pending request as soon as that user submits a review.
      .filter((rr) => !rr.user || !reviews.some((r) => r.author.toLowerCase() === rr.user!.toLowerCase() && r.state !== 'PENDING' && r.submittedAt >= rr.requestedAt));
    const headSha = p.headSha ?? fakeSha(`${p.repo}#${p.number}:head`);
    const updatedAt = p.updatedAt ?? p.createdAt;
    const commits = p.commits?.map(toCommit) ?? [defaultHeadCommit(p, headSha, updatedAt, p.author ? userByLogin.get(p.author.toLowerCase()) : undefined)];
    const timeline: TimelineEventRecord[] = [];
    if (p.readyForReviewAt) timeline.push({ type: 'ReadyForReviewEvent', id: nextId++, createdAt: p.readyForReviewAt, actor: p.author });
    for (const rr of requests) {
      timeline.push({ type: 'ReviewRequestedEvent', id: nextId++, createdAt: rr.requestedAt, actor: rr.requestedBy ?? null, reviewer: rr.user ? { user: rr.user } : { team: rr.team } });
    }
    timeline.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const state = p.state ?? 'open';
    return {
      repo: `${repo.owner}/${repo.name}`,
      number: p.number,
      id: 5001 + i,
      title: p.title,
      body: p.body ?? '',
      author: p.author,
      state,
      draft: p.draft ?? false,
      createdAt: p.createdAt,
      updatedAt,
      lastEditedAt: p.lastEditedAt ?? null,
      readyForReviewAt: p.readyForReviewAt ?? null,
      closedAt: p.closedAt ?? (state === 'open' ? null : p.mergedAt ?? updatedAt),
      mergedAt: p.mergedAt ?? (state === 'merged' ? updatedAt : null),
      headRef: p.headRef ?? `topic/${p.number}`,
      baseRef: p.baseRef ?? repo.defaultBranch,
      headSha,
      files: p.files.map((f) => ({ path: f.path, additions: f.additions, deletions: f.deletions, status: f.status ?? 'modified', previousPath: f.previousPath })),
      labels: [...(p.labels ?? [])],
      milestone: p.milestone ? { title: p.milestone.title, number: p.milestone.number ?? 1, dueOn: p.milestone.dueAt ?? null } : null,
      assignees: (p.assignees ?? []).map((a) => requireUser(a, `PR ${p.repo}#${p.number} assignee`).login),
      reviewRequests: requests,
      reviews,
      comments: (p.comments ?? []).map((c) => ({ id: nextId++, author: requireUser(c.author, 'comment').login, body: c.body, createdAt: c.createdAt, updatedAt: c.createdAt })),
      ci: p.ci ?? null,
      mergeable: p.mergeable ?? 'MERGEABLE',
      reviewDecisionOverride: p.reviewDecision,
      commits,
      timeline,
    };
  });

  return {
    name: scenario.name ?? 'scenario',
    viewer: scenario.viewer,
    users,
    orgs,
    teams,
    repos,
    pulls,
    tokens: scenario.tokens.map((t) => ({ token: t.token, login: requireUser(t.login, 'token').login, scopes: [...t.scopes] })),
    slack: buildSlack(scenario, now),
    rateLimits: { ...DEFAULT_LIMITS, ...(scenario.rateLimits ?? {}) },
    nextId,
  };
}

function defaultHeadCommit(p: ScenarioPull, sha: string, date: string, author: UserRecord | undefined): CommitRecord {
  return {
    sha,
    message: p.title,
    author: author?.login ?? null,
    authorName: author?.name ?? author?.login ?? 'Former contributor',
    authorEmail: author ? noreplyEmail(author) : 'former-contributor@example.com',
    date,
  };
}

function buildSlack(scenario: Scenario, now: Date): SlackState {
  const s = scenario.slack;
  const epoch = (v: number | string | undefined | null): number | null => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'number') return v;
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : Math.floor(t / 1000);
  };
  return {
    teamId: s?.teamId ?? 'T0000000001',
    teamName: s?.teamName ?? 'Sandbox',
    users: (s?.users ?? []).map((u) => ({
      id: u.id,
      name: u.name,
      realName: u.realName ?? u.name,
      githubLogin: u.githubLogin,
      statusText: u.statusText ?? '',
      statusEmoji: u.statusEmoji ?? '',
      statusExpiration: epoch(u.statusExpiration) ?? 0,
      snoozeEndsAt: (() => {
        const e = epoch(u.snoozeEndsAt);
        return e !== null && e * 1000 > now.getTime() ? e : null;
      })(),
    })),
    tokens: (s?.tokens ?? []).map((t) => ({ token: t.token, userId: t.userId, scopes: [...t.scopes] })),
    channels: (s?.channels ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      isPrivate: c.isPrivate ?? false,
      members: [...c.members],
      // Slack's ts is the posting second plus a per-message counter.
      messages: (c.messages ?? []).map((m, i) => ({ ts: `${epoch(m.postedAt) ?? 0}.${String(100 + i).padStart(6, '0')}`, user: m.user, text: m.text, reactions: (m.reactions ?? []).map((r) => ({ name: r.name, users: [...r.users] })), args: {} })),
    })),
  };
}
