// The whole suggestion for one subject, from a built expertise index to the three rows the view
// shows. GitHub is reached only through the injected sources, so the steps and their order are
// testable without a network: rank by expertise, name people by login, drop the author, me and
// anyone outside the team, then ask GitHub about load, availability and access to the repository
// for the few left and rank again with those facts.

import { translated } from '../inertText';
import type { ExpertiseIndex } from './expertiseIndex';
import type { RankedCandidate } from './rankCandidates';
import { defaultDelegationOptions, suggestReviewers, type DelegationOptions } from './suggestReviewers';
import type { RawIdentity } from './types';
import { nearbyFiles, soleKeeper, soleKeeperText } from './busFactor';
import { resolveLogin, loginIn, loginSet, type EmailLogins, type LoginResolution, type LoginSource } from './loginResolution';
import { errorText } from '../errorText';

export interface LoadAvailability {
  readonly available: boolean;
  readonly message?: string;
}

/** What the finder asks GitHub; each may fail on its own without losing the suggestion. */
export interface CandidateSources {
  /** Logins GitHub links to these commits' author emails (sha → login, absent = unknown). */
  commitLogins?(samples: ReadonlyArray<{ readonly email: string; readonly sha: string }>): Promise<ReadonlyMap<string, string | null>>;
  reviewLoad?(logins: readonly string[]): Promise<ReadonlyMap<string, number>>;
  availability?(logins: readonly string[]): Promise<ReadonlyMap<string, LoadAvailability>>;
  /** Whether the repository can ask each of them for a review (lower-cased login → answer; absent = unknown). */
  reviewAccess?(logins: readonly string[]): Promise<ReadonlyMap<string, boolean>>;
}

export interface FindCandidatesInput {
  readonly index: ExpertiseIndex;
  readonly touchedPaths: readonly string[];
  readonly now: number;
  /** The pull request's author; never suggested. */
  readonly author?: string;
  /** The signed-in lead; never suggested. */
  readonly me?: string;
  /**
   * The lead's name on GitHub: excludes the lead's commits too when their email is not linked
   * to the login (a work address, say), so that nobody is offered themselves.
   */
  readonly myName?: string;
  /**
   * Who the signed-in lead is, while GitHub is still being asked (when `me` is not given). The
   * ranking does not wait for it: load and availability are asked for one more person, in the
   * same round trip as this answer, and the lead is left out once known. Undefined: nobody to
   * leave out.
   */
  readonly lead?: PromiseLike<Lead | undefined>;
  /** Logins to narrow the candidates to; undefined means everyone in history. */
  readonly team?: readonly string[];
  readonly codeOwners?: readonly string[];
  readonly teamMembers?: Readonly<Record<string, readonly string[]>>;
  /** leadDesk.delegation.logins, keys lower-cased. */
  readonly mapping: Readonly<Record<string, string>>;
  /** Email → login (or null) already learned from GitHub; lower-cased emails. */
  readonly knownEmails: EmailLogins;
  /** A recent commit per author email, for asking GitHub who the email belongs to. */
  readonly sampleSha: (email: string) => string | undefined;
  /** Logins whose review is already requested on the pull request. */
  readonly alreadyRequested?: readonly string[];
  readonly limit?: number;
  readonly options?: DelegationOptions;
  /**
   * For a single file: when one person alone has worked on it, say so and rank the people who
   * know the files around it instead (see busFactor.ts).
   */
  readonly busFactor?: boolean;
}

/** The signed-in lead as GitHub names them. */
export interface Lead {
  readonly login: string;
  readonly name?: string;
}

export interface CandidateRow {
  /** The person's id in the index: stable for the index's lifetime, used for tree ids. */
  readonly id: string;
  readonly name: string;
  readonly login?: string;
  readonly loginSource?: LoginSource;
  /** Why no review can be requested from this person, when that is so. */
  readonly notRequestable?: string;
  /**
   * False when GitHub says the repository cannot ask them for a review (they have no access to
   * it); undefined when that is unknown.
   */
  readonly canReview?: boolean;
  /** One line: what they did here, ownership, load, status. */
  readonly reason: string;
  readonly openReviews?: number;
  /** undefined when GitHub's answer is unknown (no login, or the lookup failed). */
  readonly available?: boolean;
  readonly statusMessage?: string;
  readonly codeOwner: boolean;
  readonly alreadyRequested: boolean;
  readonly score: number;
}

export interface CandidateFindings {
  readonly rows: readonly CandidateRow[];
  /** One person alone knows the file: what to say, and the folder whose people the rows are. */
  readonly busFactor?: { readonly text: string; readonly folder: string };
  /** Things the view should mention: a signal that could not be read, an empty team. */
  readonly notes: readonly string[];
  /** Email → login (or null) learned from GitHub in this run, to cache. */
  readonly learnedEmails: ReadonlyMap<string, string | null>;
}

/** How many ranked people get logins resolved and signals fetched; the view shows three of them. */
const SIGNAL_POOL = 8;
const FIRST_PASS = 40;
/**
 * Whether history says anything about this person and these files: commits or reviews in their
 * area, or work on a similar file. The repository-wide prior gives everyone a sliver of score,
 * and a person with only that is background, not a suggestion; code owners always count.
 */
function hasEvidence(c: RankedCandidate): boolean {
  const e = c.evidence;
  return c.codeOwner || (e !== undefined && (e.recentCommits > 0 || e.lastCommit !== undefined || e.reviewsOnFiles > 0 || e.reviewsInArea > 0 || e.similarFile !== undefined));
}

/**
 * The rows to show, in the ranking's order (busy people after available ones, and people the
 * repository cannot ask after both). The cut is made on the score, not on that order: a busy
 * expert, or one who has left, stays visible as such rather than giving way to someone who barely
 * touched the code. If that leaves nobody who could take it (available, and with access), the
 * best such person takes the last place.
 */
export function chooseShown(ranked: readonly RankedCandidate[], limit: number, canReview: (c: RankedCandidate) => boolean = () => true): RankedCandidate[] {
  const byScore = [...ranked].sort((a, b) => b.score - a.score);
  const couldTake = (c: RankedCandidate) => c.available && canReview(c);
  let chosen = byScore.slice(0, limit);
  if (chosen.length > 0 && !chosen.some(couldTake)) {
    const standIn = byScore.find((c) => couldTake(c) && !chosen.includes(c));
    if (standIn) chosen = [...chosen.slice(0, limit - 1), standIn];
  }
  const shown = ranked.filter((c) => chosen.includes(c));
  return [...shown.filter(canReview), ...shown.filter((c) => !canReview(c))];
}

/** Files around a lone file that its stand-ins are ranked on: enough for a folder's picture, few enough to rank at once. */
const NEARBY_FILES = 50;

export async function findCandidates(input: FindCandidatesInput, sources: CandidateSources): Promise<CandidateFindings> {
  const [only] = input.touchedPaths;
  if (input.busFactor && input.touchedPaths.length === 1) {
    // Who the lone person is does not depend on who the lead is, only the wording does, so the
    // stand-ins are ranked while GitHub may still be saying who the lead is.
    const keeper = soleKeeper(input.index, only, () => false);
    if (keeper) {
      const near = nearbyFiles(input.index, only, NEARBY_FILES);
      const found = near ? await findCandidates({ ...input, touchedPaths: near.files, busFactor: false }, sources) : undefined;
      const isMe = leadMatcher(input, await leadOf(input));
      const text = soleKeeperText({ ...keeper, isMe: isMe(keeper.personId) }, input.index, input.now);
      if (!found || !near) return { rows: [], notes: [], learnedEmails: new Map(), busFactor: { text, folder: '' } };
      return { ...found, busFactor: { text, folder: near.folder } };
    }
  }
  const limit = input.limit ?? 3;
  const options = input.options ?? defaultDelegationOptions;
  const notes: string[] = [];
  const learned = new Map<string, string | null>();
  const known = new Map(input.knownEmails);
  const team = input.team ? loginSet(input.team) : undefined;
  const requested = loginSet(input.alreadyRequested ?? []);
  // The lead as known before anything is asked; undefined while GitHub is still answering.
  const leadNow = input.me !== undefined || !input.lead ? { me: input.me, myName: input.myName } : undefined;
  const base = { touchedPaths: input.touchedPaths, now: input.now, codeOwners: input.codeOwners ?? [], teamMembers: input.teamMembers ?? {} };

  const firstPass = suggestReviewers(input.index, { ...base, exclude: excluded(input.author, leadNow ?? {}) }, { ...options, ranking: { ...options.ranking, limit: FIRST_PASS } });

  const resolveAll = (list: readonly RankedCandidate[]) => new Map(list.map((c) => [c.person.id, resolveLogin(c.person, input.mapping, known)]));
  let resolutions = resolveAll(firstPass);
  const allowed = (lead: LeadNames) => {
    const excludedLogins = loginSet([input.author, lead.me]);
    return (c: RankedCandidate): boolean => {
      const login = resolutions.get(c.person.id)?.login;
      if (loginIn(login, excludedLogins)) return false;
      if (team && !loginIn(login, team)) return false;
      return true;
    };
  };
  /** The people load and availability are asked about, as far as logins are known now. */
  const poolOf = (lead: LeadNames, size: number) => {
    const candidates = firstPass.filter(allowed(lead));
    // For files nobody has touched, anywhere near, the active people of the repository are all there is.
    return (candidates.some(hasEvidence) ? candidates.filter(hasEvidence) : candidates).slice(0, size);
  };
  const loginsOf = (list: readonly RankedCandidate[]) => list.flatMap((c) => resolutions.get(c.person.id)?.login ?? []);
  const note = (text: string) => void (notes.includes(text) || notes.push(text));
  const askSignals = (logins: readonly string[]) =>
    Promise.all([
      logins.length > 0 && sources.reviewLoad
        ? sources.reviewLoad(logins).catch((err: unknown) => void note(translated`Review load unknown: ${errorText(err)}`))
        : Promise.resolve(undefined),
      logins.length > 0 && sources.availability
        ? sources.availability(logins).catch((err: unknown) => void note(translated`Availability unknown: ${errorText(err)}`))
        : Promise.resolve(undefined),
      logins.length > 0 && sources.reviewAccess
        ? sources.reviewAccess(logins).catch((err: unknown) => void note(translated`Who can be asked for a review is unknown: ${errorText(err)}`))
        : Promise.resolve(undefined),
    ]);
  // The people history already names are asked about now, while whose the commit emails are is
  // still on its way (and who the lead is, when that is not known yet: then one more of them than
  // usual, as the lead may be among them). Unless commit data brings in someone new, all of GitHub
  // then takes one round trip.
  const early = loginsOf(poolOf(leadNow ?? {}, leadNow ? SIGNAL_POOL : SIGNAL_POOL + 1));
  const earlySignals = early.length > 0 ? askSignals(early) : undefined;

  // Ask GitHub about emails nobody has named, for the people who could make the cut.
  // Emails GitHub was asked about but could not answer (the sample commit is not on GitHub).
  const unanswered = new Set<string>();
  if (sources.commitLogins) {
    const samples: Array<{ email: string; sha: string }> = [];
    for (const c of firstPass.slice(0, FIRST_PASS)) {
      const r = resolutions.get(c.person.id);
      if (!r || r.login !== undefined) continue;
      for (const email of r.lookUp) {
        const sha = input.sampleSha(email);
        if (sha && !samples.some((s) => s.email === email)) samples.push({ email, sha });
      }
    }
    if (samples.length > 0) {
      try {
        const bySha = await sources.commitLogins(samples);
        for (const s of samples) {
          if (!bySha.has(s.sha)) {
            unanswered.add(s.email);
            continue;
          }
          const login = bySha.get(s.sha) ?? null;
          learned.set(s.email, login);
          known.set(s.email, login);
        }
        resolutions = resolveAll(firstPass);
      } catch (err) {
        notes.push(translated`Could not ask GitHub who some authors are: ${errorText(err)}`);
      }
    }
  }

  const asked = poolOf(leadNow ?? {}, leadNow ? SIGNAL_POOL : SIGNAL_POOL + 1);
  const nobody = (anyone: boolean): CandidateFindings => {
    if (!anyone) notes.push(translated`Nobody in the history read so far has worked on these files.`);
    else if (team) notes.push(translated`Nobody on the team has history in these files.`);
    return { rows: [], notes, learnedEmails: learned };
  };
  if (asked.length === 0) return nobody(firstPass.length > 0);
  const lead = leadNow ?? (await leadOf(input));
  const isMe = leadNow ? () => false : leadMatcher({ ...input, knownEmails: known }, lead);
  const pool = leadNow ? asked : asked.filter((c) => allowed(lead)(c) && !isMe(c.person.id)).slice(0, SIGNAL_POOL);
  // Only the lead has worked here: said as if the lead had been left out from the start.
  if (pool.length === 0) return nobody(firstPass.some((c) => !isMe(c.person.id)));

  // Logins learned from commit data are asked about now.
  const late = loginsOf(pool).filter((login) => !early.includes(login));
  const none = [undefined, undefined, undefined] as const;
  const [[earlyLoad, earlyAvailability, earlyAccess], [lateLoad, lateAvailability, lateAccess]] = await Promise.all([earlySignals ?? none, late.length > 0 ? askSignals(late) : none]);
  const load = merged(earlyLoad, lateLoad);
  const availability = merged(earlyAvailability, lateAvailability);
  const access = merged(earlyAccess, lateAccess);
  const accessOf = (c: RankedCandidate): boolean | undefined => {
    const login = resolutions.get(c.person.id)?.login;
    return login ? access?.get(login.toLowerCase()) : undefined;
  };

  const whoOf = (c: RankedCandidate, login: string): RawIdentity => (c.person.emails[0] ? { login, email: c.person.emails[0] } : { login, name: c.person.name });
  const loadSignals = pool.flatMap((c) => {
    const login = resolutions.get(c.person.id)?.login;
    const openReviews = login ? load?.get(login.toLowerCase()) : undefined;
    return login && openReviews !== undefined ? [{ who: whoOf(c, login), openReviews }] : [];
  });
  const availabilitySignals = pool.flatMap((c) => {
    const login = resolutions.get(c.person.id)?.login;
    const a = login ? availability?.get(login.toLowerCase()) : undefined;
    return login && a ? [{ who: whoOf(c, login), busy: !a.available, ...(a.message ? { message: a.message } : {}) }] : [];
  });

  const poolIds = new Set(pool.map((c) => c.person.id));
  const ranked = suggestReviewers(
    input.index,
    { ...base, exclude: excluded(input.author, lead), load: loadSignals, availability: availabilitySignals },
    { ...options, ranking: { ...options.ranking, limit: FIRST_PASS } },
  ).filter((c) => poolIds.has(c.person.id));

  const rows = chooseShown(ranked, limit, (c) => accessOf(c) !== false).map((c): CandidateRow => {
    const r = resolutions.get(c.person.id);
    const login = r?.login;
    const a = login ? availability?.get(login.toLowerCase()) : undefined;
    const canReview = accessOf(c);
    return {
      id: c.person.id,
      name: c.person.name,
      ...(login ? { login, loginSource: (r as { source: LoginSource }).source } : { notRequestable: whyNoLogin(r, unanswered) }),
      ...(canReview !== undefined ? { canReview } : {}),
      reason: c.reason,
      ...(c.openReviews !== undefined ? { openReviews: c.openReviews } : {}),
      ...(a ? { available: a.available } : {}),
      ...(a?.message ? { statusMessage: a.message } : {}),
      codeOwner: c.codeOwner,
      alreadyRequested: loginIn(login, requested),
      score: c.score,
    };
  });
  return { rows, notes, learnedEmails: learned };
}

type LeadNames = Pick<FindCandidatesInput, 'me' | 'myName'>;

/** The lead as given, else as GitHub answers; nobody when that question failed (the caller says why). */
async function leadOf(input: FindCandidatesInput): Promise<LeadNames> {
  if (input.me !== undefined || !input.lead) return { me: input.me, myName: input.myName };
  const lead = await Promise.resolve(input.lead).catch(() => undefined);
  return lead ? { me: lead.login, myName: lead.name } : {};
}

/** Whether a person in the index is the lead: by login, by GitHub name, or by a login their emails resolve to. */
function leadMatcher(input: FindCandidatesInput, lead: LeadNames): (personId: string) => boolean {
  const ids = input.index.identities;
  const myIds = new Set([lead.me ? ids.lookup({ login: lead.me }) : undefined, lead.myName ? ids.lookup({ name: lead.myName }) : undefined]);
  const me = loginSet([lead.me]);
  return (personId) => myIds.has(personId) || loginIn(resolveLogin(ids.describe(personId), input.mapping, input.knownEmails).login, me);
}

/** Who the ranking leaves out: the author and the lead, by login and by the lead's GitHub name. */
function excluded(author: string | undefined, lead: LeadNames): RawIdentity[] {
  return [...(author ? [{ login: author }] : []), ...(lead.me ? [{ login: lead.me }] : []), ...(lead.myName ? [{ name: lead.myName }] : [])];
}

function whyNoLogin(r: LoginResolution | undefined, unanswered: ReadonlySet<string>): string {
  if (!r || r.login !== undefined) return translated`No GitHub login known.`;
  if (r.lookUp.length > 0 && r.lookUp.every((e) => unanswered.has(e))) {
    return translated`No GitHub login known for ${r.lookUp.join(', ')}: GitHub has none of their commits from this clone. Map them in leadDesk.delegation.logins to request a review.`;
  }
  return r.reason;
}

function merged<V>(a: ReadonlyMap<string, V> | undefined, b: ReadonlyMap<string, V> | undefined): ReadonlyMap<string, V> | undefined {
  return a && b ? new Map([...a, ...b]) : (a ?? b);
}
