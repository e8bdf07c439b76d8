import { isCapitalised, LinkContext, matchNameAt, separatorBefore } from './match-names';
import { TR_SUFFIXES } from './morphology';
import { MeetingDescriptor } from './name-index';

/**
 * Meetings named by a phrase rather than a fixed name: an ordinal, a meeting noun and the
 * organisation ("sixth summit of the Conference...", "AİGK Dışişleri Bakanları 4. Toplantısı",
 * "седьмом заседании Совета министров иностранных дел СВМДА"), or a city ("Dushanbe summit",
 * "Алматинского саммита"). The phrase is resolved to a meeting of the graph by its kind, ordinal,
 * organisation (in the phrase, else one named in the text), city and year.
 */

/** A meeting phrase found in a text; `key` once it is resolved. */
export interface MeetingPhrase {
  startTok: number;
  endTok: number;
  /** Folded end (before a Turkish case suffix on the last word). */
  end: number;
  kind: string;
  ordinal?: number;
  cityKey?: string;
  year?: number;
  orgKeys: string[];
  key?: string;
  evidence?: string;
  /** A known name covers the phrase; the name is linked instead. */
  dropped?: boolean;
}

const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};
// Folded Turkish ordinals (ü→u, ö→o, ş→s, ı→i).
const TR_ORDINALS: Record<string, number> = {
  ilk: 1, birinci: 1, ikinci: 2, ucuncu: 3, dorduncu: 4, besinci: 5, altinci: 6, yedinci: 7, sekizinci: 8, dokuzuncu: 9, onuncu: 10,
};
// Russian ordinal stems with any adjectival ending (folded: ё→е): первого, шестом, третьего.
const RU_ORDINALS: [string, number][] = [
  ['перв', 1], ['втор', 2], ['трет', 3], ['четверт', 4], ['пят', 5], ['шест', 6], ['седьм', 7], ['восьм', 8], ['девят', 9], ['десят', 10],
];
const RU_ADJECTIVE_ENDING = /^(ый|ой|ий|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ей|ьи|ья|ье|ьего|ьему|ьем|ьей|ью|ьих|ьим|ьими)$/;
// The ending after a digit and a dash: 47-й, 7-е, 5-го, 6-м.
const RU_DIGIT_ENDINGS = new Set(['й', 'е', 'я', 'го', 'м', 'ой', 'ом', 'ми', 'му', 'х', 'ий', 'ый', 'ого']);
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ORDINAL_FIRST = new Set([...Object.keys(EN_ORDINALS), ...Object.keys(TR_ORDINALS), ...RU_ORDINALS.map(([s]) => s)].map((w) => w[0]).concat([...'0123456789ivx']));

function romanValue(w: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let k = 0; k < w.length; k++) {
    const v = values[w[k]]; const next = values[w[k + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** An ordinal at word i (sixth, 6th, 6., VI, birinci, шестом, 47-й): its value and the words it takes. */
export function parseOrdinal(ctx: LinkContext, i: number): { value: number; endTok: number } | null {
  const { tokens } = ctx;
  const w = tokens[i].word;
  // Most words are no ordinal: decide on the first letter before any slicing (this runs on every word).
  if (!ORDINAL_FIRST.has(w[0])) return null;
  const next = i + 1 < tokens.length ? separatorBefore(ctx, i + 1) : '';
  if (EN_ORDINALS[w]) return { value: EN_ORDINALS[w], endTok: i + 1 };
  if (TR_ORDINALS[w]) return { value: TR_ORDINALS[w], endTok: i + 1 };
  if (tokens[i].cyrillic) {
    for (const [stem, value] of RU_ORDINALS) if (w.startsWith(stem) && RU_ADJECTIVE_ENDING.test(w.slice(stem.length))) return { value, endTok: i + 1 };
    return null;
  }
  let m = /^(\d{1,3})(st|nd|rd|th)$/.exec(w);
  if (m) return { value: Number(m[1]), endTok: i + 1 };
  m = /^\d{1,3}$/.exec(w);
  if (m) {
    if (next === '. ') return { value: Number(w), endTok: i + 1 };
    const dash = i + 1 < tokens.length && /^[‐-―−-]$/.test(ctx.text.slice(ctx.to[tokens[i].end - 1], ctx.from[tokens[i + 1].start]));
    if (dash && RU_DIGIT_ENDINGS.has(tokens[i + 1].word)) return { value: Number(w), endTok: i + 2 };
    return null;
  }
  if (w.length <= 5 && ROMAN.test(w) && [...ctx.cases.slice(tokens[i].start, tokens[i].end)].every((c) => c === 'U') && (next === ' ' || next === '. ')) {
    const value = romanValue(w);
    if (value >= 1 && value <= 39) return { value, endTok: i + 1 };
  }
  return null;
}

type Head = 'summit' | 'meeting' | 'council' | 'session';

/** Folded Turkish head stems; a possessive (-si, -u) stays in the span, a case suffix after it does not. */
const TR_HEADS: [string, Head][] = [['zirve', 'summit'], ['toplanti', 'meeting'], ['konsey', 'council'], ['oturum', 'session'], ['kurul', 'session']];
const RU_HEADS: [string, Head][] = [['саммит', 'summit'], ['совещан', 'meeting'], ['заседан', 'meeting'], ['встреч', 'meeting'], ['сесси', 'session']];
const EN_HEADS: Record<string, Head> = { summit: 'summit', meeting: 'meeting', council: 'council', session: 'session' };

/** The meeting noun at a folded word, and how many trailing letters (a Turkish case suffix) fall outside the span. */
function headOf(word: string): { head: Head; cut: number } | null {
  if (EN_HEADS[word]) return { head: EN_HEADS[word], cut: 0 };
  for (const [stem, head] of RU_HEADS) if (word.startsWith(stem)) return { head, cut: 0 };
  for (const [stem, head] of TR_HEADS) {
    if (!word.startsWith(stem)) continue;
    let rest = word.slice(stem.length);
    let keep = 0;
    if (/^s[iu]/.test(rest)) keep = 2;
    else if (/[^aeiou]$/.test(stem) && /^[iu]/.test(rest)) keep = 1;
    rest = rest.slice(keep);
    if (rest === '' || TR_SUFFIXES.has(rest) || (rest[0] === 'n' && TR_SUFFIXES.has(rest.slice(1)))) return { head, cut: rest.length };
  }
  return null;
}

// Words that may stand inside a meeting phrase (folded), and the ones a phrase cannot end on.
const BODY = new Set((
  'of the ministers minister ministerial foreign affairs heads state states member government consultative ' +
  'disisleri bakanlari bakanlar devlet baskanlari istisare genel hukumet uye ' +
  'министров иностранных дел совета глав государств членов'
).split(' '));
const CONNECTORS = new Set(['of', 'the']);
const MINISTER = /^(minister|ministerial|bakan|министр)/;
const CONSULTATIVE = /^(consultative|istisare|консультатив)/;

function kindOf(head: Head | undefined, minister: boolean, consultative: boolean): string | undefined {
  if (!head) return undefined;
  if (consultative) return 'consultative';
  if (minister) return 'ministerial';
  return head === 'summit' ? 'summit' : head === 'session' ? 'session' : undefined;
}

interface Flags { minister: boolean; consultative: boolean }
function flag(word: string, flags: Flags): void {
  if (MINISTER.test(word)) flags.minister = true;
  if (CONSULTATIVE.test(word)) flags.consultative = true;
}

const isOrg = (n: { entityType: string }) => n.entityType === 'Organization';

/** Reads the rest of a phrase from word j: organisations, body words and the meeting noun. */
function readForward(ctx: LinkContext, j: number, flags: Flags, orgKeys: string[], first: number) {
  const { tokens } = ctx;
  let head: Head | undefined;
  let end = -1;
  let endTok = -1;
  for (let steps = 0; j < tokens.length && steps < 16; steps++) {
    const sep = separatorBefore(ctx, j);
    if (!(sep === ' ' || (j === first && sep === '. '))) break;
    const org = matchNameAt(ctx, j, isOrg);
    if (org && !org.ambiguous) {
      orgKeys.push(org.name.entityKey);
      j = org.endTok;
      if (head) { end = org.end; endTok = j; }
      continue;
    }
    const word = tokens[j].word;
    const h = head ? null : headOf(word);
    if (h) {
      head = h.head; end = tokens[j].end - h.cut; endTok = j + 1; j++;
      if (h.cut) break;
      continue;
    }
    const again = head ? headOf(word) : null; // "Zirve Toplantısı", "meeting of the Council"
    if (BODY.has(word) || again || MINISTER.test(word) || CONSULTATIVE.test(word)) {
      flag(word, flags);
      j++;
      if (head && !CONNECTORS.has(word)) { end = tokens[j - 1].end - (again?.cut ?? 0); endTok = j; }
      if (again?.cut) break;
      continue;
    }
    break;
  }
  return { head, end, endTok };
}

/** Body words and an organisation before word i ("AİGK Dışişleri Bakanları" before "4. Toplantısı"); the phrase's new first word. */
function readBackward(ctx: LinkContext, i: number, flags: Flags, orgKeys: string[]): number {
  let k = i - 1;
  while (k >= 0 && separatorBefore(ctx, k + 1) === ' ' && (BODY.has(ctx.tokens[k].word) || /^konsey/.test(ctx.tokens[k].word)) && !CONNECTORS.has(ctx.tokens[k].word)) {
    flag(ctx.tokens[k].word, flags); k--;
  }
  if (k >= 0 && separatorBefore(ctx, k + 1) === ' ') {
    for (let p = k; p >= Math.max(0, k - 8); p--) {
      const org = matchNameAt(ctx, p, isOrg);
      if (org && !org.ambiguous && org.endTok === k + 1 && org.end === ctx.tokens[k].end) { orgKeys.push(org.name.entityKey); return p; }
    }
  }
  return k + 1;
}

function yearBefore(ctx: LinkContext, i: number): number | undefined {
  if (i === 0 || separatorBefore(ctx, i) !== ' ') return undefined;
  const w = ctx.tokens[i - 1].word;
  return /^(19|20)\d\d$/.test(w) ? Number(w) : undefined;
}

/** A city (or its Russian adjective, "Алматинского") at word i. */
function cityAt(ctx: LinkContext, i: number, cities: Set<string>): { key: string; endTok: number } | null {
  const tok = ctx.tokens[i];
  if (!isCapitalised(ctx, i)) return null;
  if (!ctx.index.byKey.has(tok.word) && !(tok.cyrillic && ctx.index.placeAdjectives.has(tok.word.slice(0, 3)))) return null;
  const place = matchNameAt(ctx, i, (n) => n.entityType === 'Place' && cities.has(n.entityKey));
  if (place && !place.ambiguous) return { key: place.name.entityKey, endTok: place.endTok };
  if (tok.cyrillic) {
    for (const a of ctx.index.placeAdjectives.get(tok.word.slice(0, 3)) ?? []) {
      if (cities.has(a.entityKey) && tok.word.startsWith(a.prefix) && /^(ий|ый|ого|ом|ому|ая|ой|ую|ое|ие|их|ым)$/.test(tok.word.slice(a.prefix.length))) return { key: a.entityKey, endTok: i + 1 };
    }
  }
  return null;
}

/** Every meeting phrase of a text, leftmost first, not overlapping; each resolved where the phrase alone decides. */
export function findMeetingPhrases(ctx: LinkContext): MeetingPhrase[] {
  const meetings = ctx.index.meetings;
  if (!meetings.length) return [];
  const cities = new Set(meetings.flatMap((m) => m.cityKeys));
  const phrases: MeetingPhrase[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    const flags: Flags = { minister: false, consultative: false };
    const orgKeys: string[] = [];
    const ord = parseOrdinal(ctx, i);
    let phrase: MeetingPhrase | undefined;
    if (ord) {
      const start = readBackward(ctx, i, flags, orgKeys);
      const fwd = readForward(ctx, ord.endTok, flags, orgKeys, ord.endTok);
      const kind = kindOf(fwd.head, flags.minister, flags.consultative);
      if (kind && fwd.endTok > 0) phrase = { startTok: start, endTok: fwd.endTok, end: fwd.end, kind, ordinal: ord.value, year: yearBefore(ctx, start), orgKeys };
    } else {
      const city = cityAt(ctx, i, cities);
      if (city) {
        const start = readBackward(ctx, i, flags, orgKeys);
        const fwd = readForward(ctx, city.endTok, flags, orgKeys, -1);
        const kind = kindOf(fwd.head, flags.minister, flags.consultative);
        if (kind && fwd.endTok > 0) phrase = { startTok: start, endTok: fwd.endTok, end: fwd.end, kind, cityKey: city.key, year: yearBefore(ctx, start), orgKeys };
      }
    }
    if (!phrase) continue;
    if (phrases.length && phrase.startTok < phrases[phrases.length - 1].endTok) continue;
    phrases.push(phrase);
    i = phrase.endTok - 1;
  }
  return phrases;
}

/**
 * Resolves a phrase to one meeting: same kind, ordinal, city and year where given; of an
 * organisation in the phrase, or else of one the text names (`textOrgs`). Leaves it unresolved
 * when none or several fit.
 */
export function resolveMeeting(phrase: MeetingPhrase, meetings: MeetingDescriptor[], textOrgs: Set<string>): void {
  let found = meetings.filter((m) => m.meetingKind === phrase.kind
    && (phrase.ordinal === undefined || m.ordinal === phrase.ordinal)
    && (phrase.cityKey === undefined || m.cityKeys.includes(phrase.cityKey))
    && (phrase.year === undefined || m.year === phrase.year));
  let via: string;
  if (phrase.orgKeys.length) {
    found = found.filter((m) => m.orgKeys.some((o) => phrase.orgKeys.includes(o)));
    via = 'organisation in the phrase';
  } else {
    found = found.filter((m) => m.orgKeys.length === 0 || m.orgKeys.some((o) => textOrgs.has(o)));
    via = 'organisation named in the text';
  }
  if (found.length !== 1) return;
  phrase.key = found[0].key;
  const what = phrase.ordinal !== undefined ? `${phrase.kind} no. ${phrase.ordinal}` : `${phrase.kind} in ${phrase.cityKey}`;
  phrase.evidence = `${what}${phrase.year ? ` of ${phrase.year}` : ''}; ${via}`;
}
