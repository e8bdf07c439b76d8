import { FactType } from '../seed/seed-model';
import { AREAS, LEVELS, OFFICES, ORG_OFFICES, Random } from './synthetic-names';
import { dayOf, randomDay, SYNTHETIC_ORIGIN, SYNTHETIC_PREFIX, SyntheticEntities, SyntheticEntity } from './synthetic-shape';
import { SentenceSpan, SourceTexts } from './source-texts';

/** A statement as write-seed stores it: a relationship of a FACT_TYPES type between two entity keys. */
export interface StatementRow { type: FactType; from: string; to: string; validFrom: string | null; validTo: string | null; props: Record<string, unknown> }

/** Real entities the synthetic states may join (--touch-real): CICA and its meetings. */
export interface RealAnchors { organization: string; meetings: { key: string; date: string | null }[] }

interface Qualifiers { start?: string | null; end?: string | null; role?: string; level?: string; area?: string; note?: string; admittedAt?: string; admittedAtName?: string }
type Part = string | SyntheticEntity | { key: string; name: string };

const PREFERRED_REASON = 'stated by an official source; the other value is contradicted';
const DEPRECATED_REASON = 'contradicted by the official record (synthetic)';

/**
 * The statements of the synthetic graph, one at a time (so the whole set is never in memory),
 * each with qualifiers, validFrom/validTo, a rank (a few PREFERRED against a DEPRECATED rival,
 * the rest NORMAL), truthy, and one or two references to synthetic sources whose quote is a
 * sentence that SourceTexts appends to that source's text.
 */
export function* syntheticStatements(e: SyntheticEntities, random: Random, texts: SourceTexts, real: RealAnchors | null): Generator<StatementRow> {
  let facts = 0;
  const say = (parts: Part[]) => {
    let sentence = '';
    const spans: SentenceSpan[] = [];
    for (const p of parts) {
      if (typeof p === 'string') { sentence += p; continue; }
      spans.push({ key: p.key, offset: sentence.length, text: p.name });
      sentence += p.name;
    }
    return { sentence, spans };
  };
  function statement(type: FactType, from: Part & { key: string }, to: Part & { key: string }, q: Qualifiers, parts: Part[], rank = 'NORMAL', rankReason: string | null = null): StatementRow {
    const factId = `${SYNTHETIC_PREFIX}fact-${facts++}`;
    const { sentence, spans } = say(parts);
    const refs = random.chance(0.3) ? random.sample(e.sources.map((_, i) => i), 2) : [random.int(0, e.sources.length - 1)];
    for (const i of refs) texts.add(i, sentence, spans);
    const start = q.start ?? null;
    const end = q.end ?? null;
    const list = (v: string | null | undefined) => refs.map(() => v ?? '');
    return {
      type, from: from.key, to: to.key, validFrom: dayOf(start), validTo: dayOf(end, 'latest'),
      props: {
        factId, factIds: [factId], start, end, attested: start, role: q.role ?? null, area: q.area ?? null, level: q.level ?? null,
        note: q.note ?? null, admittedAt: q.admittedAt ?? null, admittedAtName: q.admittedAtName ?? null,
        rank, rankReason, truthy: rank !== 'DEPRECATED', endDerived: false, endRule: null, endSuccessor: null,
        sources: refs.map((i) => e.sources[i].key), quotes: refs.map(() => sentence),
        refFactIds: refs.map(() => factId), refFiles: refs.map(() => `synthetic/${type.toLowerCase()}.yaml`),
        refSources: refs.map((i) => e.sources[i].key), refQuotes: refs.map(() => sentence),
        refStarts: list(start), refEnds: list(end), refAttested: list(start), refLevels: list(q.level), refRanks: refs.map(() => rank),
        refReasons: refs.map(() => rankReason ?? ''), file: `synthetic/${type.toLowerCase()}.yaml`, origin: SYNTHETIC_ORIGIN,
      },
    };
  }
  /** A statement, and with probability p a DEPRECATED rival (another start) that makes it PREFERRED. */
  function* ranked(p: number, make: (q: Qualifiers, rank: string, reason: string | null) => StatementRow, q: Qualifiers, alternative: () => Qualifiers) {
    if (!random.chance(p)) { yield make(q, 'NORMAL', null); return; }
    yield make(q, 'PREFERRED', PREFERRED_REASON);
    yield make({ ...q, ...alternative() }, 'DEPRECATED', DEPRECATED_REASON);
  }
  const year = (y: number) => String(y);
  const { states, organizations: orgs, meetings, documents, people, places, sources } = e;
  const firstMeetings = new Map<number, SyntheticEntity[]>();
  for (const m of meetings) {
    const list = firstMeetings.get(m.org) ?? [];
    if (list.length < 3) firstMeetings.set(m.org, [...list, m]);
  }

  // Memberships: every state in the hub, 5 to 25 states in each other organization, some organizations observers elsewhere.
  for (let o = 0; o < orgs.length; o++) {
    const org = orgs[o];
    const own = firstMeetings.get(o) ?? [];
    const members = o === 0 ? states : random.sample(states, random.int(5, Math.min(25, states.length)));
    for (const s of members) {
      const role = random.chance(0.85) ? 'member' : 'observer';
      const joined = random.int(1992, 2020);
      const left = random.chance(0.15) ? joined + random.int(1, 8) : null;
      const admitted = own.length > 0 && random.chance(0.5) ? random.pick(own) : undefined;
      yield* ranked(0.03, (q, rank, reason) => statement('MEMBER_OF', s, org, q, [s, ` became ${role === 'member' ? 'a member' : 'an observer'} of `, org, ` in ${q.start}.`], rank, reason),
        { start: year(joined), end: left ? year(left) : null, role, admittedAt: admitted?.key, admittedAtName: admitted?.name },
        () => ({ start: year(joined + random.int(1, 3)) }));
    }
    if (o > 0 && random.chance(0.1)) {
      const other = orgs[random.int(0, orgs.length - 1)];
      if (other !== org) yield statement('MEMBER_OF', org, other, { start: year(random.int(1995, 2020)), role: 'observer' }, [org, ' holds observer status at ', other, '.']);
    }
    if (o === 0 || random.chance(0.1)) {
      for (const s of random.sample(states, 3)) {
        const from = random.int(2000, 2020);
        const area = random.pick(AREAS);
        yield statement('COORDINATED', s, org, { start: year(from), end: year(from + random.int(2, 6)), area }, [s, ` coordinates the ${area} of `, org, '.']);
      }
    }
    if (random.chance(0.05)) {
      const other = orgs[random.int(0, orgs.length - 1)];
      if (other !== org) yield statement('AGREEMENT_WITH', org, other, { start: randomDay(random, 2000, 2023) }, [org, ' signed a memorandum of understanding with ', other, '.']);
    }
    // Chairmanships: consecutive terms of two to four years.
    let y = random.int(1993, 2002);
    while (y < 2024) {
      const term = random.int(2, 4);
      const chair = random.pick(members);
      yield statement('CHAIRED', chair, org, { start: year(y), end: year(y + term) }, [chair, ` took over the chairmanship of `, org, ` in ${y} for ${term} years.`]);
      y += term;
    }
  }
  if (real) {
    const hub = { key: real.organization, name: 'CICA' };
    for (const s of states.filter((_, i) => i % 4 === 0)) {
      yield statement('MEMBER_OF', s, hub, { start: year(random.int(1999, 2022)), role: random.chance(0.8) ? 'member' : 'observer' }, [s, ' joined ', hub, '.']);
    }
    for (const m of real.meetings) {
      for (const s of random.sample(states, 5)) yield statement('ATTENDED', s, { key: m.key, name: m.key }, { start: m.date, end: m.date, level: random.pick(LEVELS) }, [s, ' was represented at the meeting.']);
    }
  }

  // Meetings: their organization, venue, host, attending states (with levels) and people.
  for (const m of meetings) {
    const org = orgs[m.org];
    const when = { start: m.date, end: m.date };
    yield statement('PART_OF', m, org, {}, [m, ' is a meeting of ', org, '.']);
    const place = random.pick(places);
    yield statement('HELD_IN', m, place, when, [m, ' was held in ', place, ` on ${m.date}.`]);
    const host = random.pick(states);
    yield statement('HOSTED', host, m, when, [host, ' hosted the ', m, '.']);
    for (const s of random.sample(states, random.int(6, Math.min(14, states.length)))) {
      const level = random.pick(LEVELS);
      yield* ranked(0.02, (q, rank, reason) => statement('ATTENDED', s, m, q, [s, ` was represented at the `, m, ` by its ${q.level}.`], rank, reason),
        { ...when, level }, () => ({ level: random.pick(LEVELS.filter((l) => l !== level)) }));
    }
    for (const p of random.sample(people, random.int(2, 4))) {
      yield statement('ATTENDED', p, m, { ...when, level: random.pick(LEVELS) }, [p, ' attended the ', m, '.']);
    }
    if (random.chance(0.3)) {
      const p = random.pick(people);
      yield statement('SPOKE_AT', p, m, when, [p, ' addressed the ', m, '.']);
    }
  }

  // Documents: adopted at a meeting (and some by an organization), a few proposed by a state.
  for (const d of documents) {
    const m = random.pick(meetings);
    yield statement('ADOPTED_AT', d, m, { start: m.date, end: m.date }, ['The ', d, ' was adopted at the ', m, ` on ${m.date}.`]);
    if (random.chance(0.2)) yield statement('ADOPTED_BY', d, orgs[m.org], { start: m.date }, [orgs[m.org], ' adopted the ', d, '.']);
    if (random.chance(0.1)) {
      const s = random.pick(states);
      yield statement('PROPOSED', s, d, { start: m.date }, [s, ' proposed the ', d, '.']);
    }
  }

  // People: nationality, offices of a state (one in ten also of an organization), some bilateral meetings.
  for (const p of people) {
    const state = random.pick(states);
    yield statement('NATIONAL_OF', p, state, {}, [p, ' is a national of ', state, '.']);
    const from = random.int(1990, 2020);
    const office = random.pick(OFFICES);
    yield* ranked(0.03, (q, rank, reason) => statement('HELD_OFFICE', p, state, q, [p, ` served as ${office} of `, state, ` from ${q.start}.`], rank, reason),
      { start: year(from), end: random.chance(0.7) ? year(from + random.int(1, 10)) : null, role: office }, () => ({ start: year(from - random.int(1, 3)) }));
    if (random.chance(0.1)) {
      const org = random.pick(orgs);
      const role = random.pick(ORG_OFFICES);
      const start = random.int(1995, 2020);
      yield statement('HELD_OFFICE', p, org, { start: year(start), end: year(start + random.int(2, 6)), role }, [p, ` was ${role} of `, org, ` from ${start}.`]);
    }
    if (random.chance(0.1)) {
      const other = random.pick(people);
      if (other !== p) yield statement('MET_WITH', p, other, { start: randomDay(random, 2000, 2024) }, [p, ' met ', other, '.']);
    }
  }

  // Places: in a state; the first place of each state its capital.
  for (let i = 0; i < places.length; i++) {
    const state = states[i % states.length];
    yield statement(i < states.length ? 'CAPITAL_OF' : 'LOCATED_IN', places[i], state, {}, [places[i], i < states.length ? ' is the capital of ' : ' lies in ', state, '.']);
  }
  // Sources: half written by a synthetic person.
  for (const s of sources) {
    if (!random.chance(0.5)) continue;
    const p = random.pick(people);
    yield statement('AUTHORED', p, s, { start: s.props.date as string }, [p, ' wrote ', s, '.']);
  }
}

/** About how many statements a size yields (for the progress bar; the real count is reported after). */
export function expectedStatements(e: SyntheticEntities, real: RealAnchors | null): number {
  const { size } = e;
  const members = size.states + (size.organizations - 1) * Math.min(15, size.states);
  return Math.round(members * 1.03 + size.organizations * 10.6 + size.meetings * (3 + 10.2 + 3 + 0.3)
    + size.documents * 1.3 + size.people * 2.33 + size.places + size.sources * 0.5 + (real ? size.states / 4 + real.meetings.length * 5 : 0));
}
