// Builds the demo's git repository: about a year of history by the demo scenario's team, so that
// delegation suggestions have real ownership, review trailers and a .mailmap to work with.
// Deterministic for a given scenario and day: a seeded generator picks authors, files and trailers.
import { mkdir, rm, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { git } from './workspace.mjs';
import { seededRandom } from '../sandbox/scenarios/seededRandom.mjs';

const day = 24 * 60 * 60 * 1000;

/**
 * The team commits with GitHub's private noreply addresses, as many people do, so their commits
 * lead to their logins. The lead commits with a work address GitHub cannot link, as leads often
 * do: Lead Desk must still recognise those commits as the lead's own.
 */
function person(user, useWorkEmail) {
  const name = user.name || user.login;
  const noreply = `${user.id ? `${user.id}+` : ''}${user.login}@users.noreply.github.com`;
  const email = useWorkEmail && user.email ? user.email : noreply;
  return { login: user.login, name, email };
}

const areaFiles = {
  src: ['src/api/client.ts', 'src/api/retry.ts', 'src/billing/invoice.ts', 'src/billing/tax.ts', 'src/auth/session.ts', 'src/auth/tokens.ts', 'src/ui/dashboard.tsx', 'src/ui/table.tsx'],
  docs: ['docs/architecture.md', 'docs/runbook.md', 'docs/api.md', 'docs/onboarding.md'],
  test: ['test/api/client.test.ts', 'test/billing/invoice.test.ts', 'test/auth/session.test.ts', 'test/ui/dashboard.test.ts'],
};

const verbs = {
  src: ['Add', 'Fix', 'Refactor', 'Speed up', 'Handle errors in', 'Simplify'],
  docs: ['Document', 'Update', 'Clarify', 'Expand'],
  test: ['Cover', 'Add tests for', 'Stabilise tests for', 'Fix flaky test in'],
};

/**
 * Picks the team from the scenario: the lead (viewer) first, then people who write or review pull
 * requests, then everyone else who is a person, at most eight.
 */
export function demoTeam(scenario) {
  const users = (scenario.users ?? []).filter((u) => (u.type ?? 'User') === 'User');
  const active = new Map();
  for (const pr of scenario.pullRequests ?? []) {
    for (const login of [pr.author, ...(pr.reviews ?? []).map((r) => r.author), ...(pr.reviewRequests ?? []).map((r) => r.user)]) {
      if (login) active.set(login, (active.get(login) ?? 0) + 1);
    }
  }
  const ranked = [...users].sort((a, b) => {
    if (a.login === scenario.viewer) return -1;
    if (b.login === scenario.viewer) return 1;
    return (active.get(b.login) ?? 0) - (active.get(a.login) ?? 0);
  });
  return ranked.slice(0, 8).map((user) => person(user, user.login === scenario.viewer));
}

/** The scenario repository the demo repo stands for (its origin remote), and the paths its PRs touch. */
function pickRepo(scenario) {
  const counts = new Map();
  for (const pr of scenario.pullRequests ?? []) counts.set(pr.repo, (counts.get(pr.repo) ?? 0) + 1);
  const repos = scenario.repos ?? [];
  const best = [...repos].sort((a, b) => (counts.get(`${b.owner}/${b.name}`) ?? 0) - (counts.get(`${a.owner}/${a.name}`) ?? 0))[0];
  if (!best) return { slug: 'acme/service', prFiles: [] };
  const slug = `${best.owner}/${best.name}`;
  const prFiles = [...new Set((scenario.pullRequests ?? []).filter((pr) => pr.repo === slug).flatMap((pr) => (pr.files ?? []).map((f) => f.path)))];
  return { slug, prFiles };
}

function areaOf(file) {
  if (file.startsWith('docs/') || file.endsWith('.md')) return 'docs';
  if (file.startsWith('test/') || /\.test\.[jt]sx?$/.test(file)) return 'test';
  return 'src';
}

function topic(file) {
  return path.basename(file).replace(/\.(test\.)?[a-z]+$/, '').replace(/[-_]/g, ' ');
}

function fileContent(file, commitIndex, author) {
  const line = `revision ${commitIndex} by ${author.name}`;
  if (file.endsWith('.md')) return `\n- ${line}\n`;
  return `// ${line}\nexport const rev${commitIndex} = ${commitIndex};\n`;
}

/**
 * Recreates `dir` as a git repository with `commits` commits over the last year.
 * @returns {Promise<{ commits: number, team: Array<{login:string,name:string,email:string}>, remote: string }>}
 */
export async function makeDemoRepo(dir, scenario, { commits = 60, now = new Date() } = {}) {
  const team = demoTeam(scenario);
  if (team.length < 2) throw new Error('the demo scenario needs at least two people to build a history');
  const { slug, prFiles } = pickRepo(scenario);
  const rnd = seededRandom(0x1ead + commits);
  const pick = (list) => list[Math.floor(rnd() * list.length)];

  // Each person owns an area and a few files in it, so ownership is visible but not absolute.
  const areas = ['src', 'docs', 'test'];
  const owners = team.map((p, i) => ({ ...p, area: areas[i % areas.length] }));
  const files = { src: [...areaFiles.src], docs: [...areaFiles.docs], test: [...areaFiles.test] };
  for (const file of prFiles) if (!files[areaOf(file)].includes(file)) files[areaOf(file)].push(file);

  // One person committed from two addresses; the .mailmap joins them.
  const aliased = owners[1];
  const alias = { ...aliased, email: `${aliased.login}@old-laptop.local` };

  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['config', 'user.name', team[0].name]);
  await git(dir, ['config', 'user.email', team[0].email]);
  await git(dir, ['remote', 'add', 'origin', `https://github.com/${slug}.git`]);

  const start = now.getTime() - 365 * day;
  const step = (365 * day) / commits;
  for (let i = 0; i < commits; i++) {
    const when = new Date(Math.min(now.getTime() - day / 2, start + i * step + rnd() * step * 0.8));
    // Owners write most changes in their area; anyone may touch anything now and then.
    const owner = rnd() < 0.85 ? pick(owners) : owners[0];
    const area = rnd() < 0.7 ? owner.area : pick(areas);
    const touched = new Set([pick(files[area])]);
    if (rnd() < 0.4) touched.add(pick(files[area]));
    if (area === 'src' && rnd() < 0.35) touched.add(pick(files.test));
    const author = owner.login === aliased.login && i % 3 === 0 ? alias : owner;

    for (const file of touched) {
      await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
      if (file.endsWith('.md') && i > 0) await appendFile(path.join(dir, file), fileContent(file, i, author));
      else await writeFile(path.join(dir, file), fileContent(file, i, author));
    }
    if (i === 0) {
      await writeFile(path.join(dir, 'README.md'), `# ${slug.split('/')[1]}\n\nThe service the Lead Desk demo team works on.\n`);
      touched.add('README.md');
    }

    const others = owners.filter((p) => p.login !== owner.login);
    const trailers = [];
    let reviewer;
    if (rnd() < 0.7) {
      reviewer = pick(others);
      trailers.push(`Reviewed-by: ${reviewer.name} <${reviewer.email}>`);
    }
    if (rnd() < 0.2) {
      const acker = pick(others.filter((p) => p.login !== reviewer?.login)) ?? pick(others);
      trailers.push(`Acked-by: ${acker.name} <${acker.email}>`);
    }
    if (rnd() < 0.15) {
      const pair = pick(others);
      trailers.push(`Co-authored-by: ${pair.name} <${pair.email}>`);
    }
    const first = [...touched][0];
    const subject = i === 0 ? 'Initial import' : `${pick(verbs[areaOf(first)])} ${topic(first)}`;
    const message = trailers.length ? `${subject}\n\n${trailers.join('\n')}\n` : `${subject}\n`;
    const iso = when.toISOString();
    await git(dir, ['add', '-A']);
    await git(dir, ['commit', '-q', '-m', message], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: iso,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: iso,
    });
  }

  await writeFile(path.join(dir, '.mailmap'), `${aliased.name} <${aliased.email}> <${alias.email}>\n`);
  await git(dir, ['add', '.mailmap']);
  const lead = owners[0];
  const last = new Date(now.getTime() - day / 4).toISOString();
  await git(dir, ['commit', '-q', '-m', `Add .mailmap for ${aliased.name}\n`], {
    GIT_AUTHOR_NAME: lead.name, GIT_AUTHOR_EMAIL: lead.email, GIT_AUTHOR_DATE: last,
    GIT_COMMITTER_NAME: lead.name, GIT_COMMITTER_EMAIL: lead.email, GIT_COMMITTER_DATE: last,
  });
  return { commits: commits + 1, team, remote: slug };
}
