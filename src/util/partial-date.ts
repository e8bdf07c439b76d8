/** How precisely a date is known. */
export type Precision = 'DAY' | 'MONTH' | 'YEAR' | 'INTERVAL';

/** Finest first: sorting by this index puts the more precise of two dates first. */
export const PRECISION_ORDER: readonly Precision[] = ['DAY', 'MONTH', 'YEAR', 'INTERVAL'];

/** A date as sources give it: a day, a month, a year, approximate, or "some time between". */
export interface PartialDate {
  /** The EDTF text as recorded: 1999-09-14, 2010-06, 2007, 2014-06~, 2010-06/2014-05. */
  text: string;
  precision: Precision;
  approximate: boolean;
  /** First and last day the date can denote (ISO YYYY-MM-DD). */
  earliest: string;
  latest: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parseSingle(text: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  const approximate = m[4] !== '';
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return null;
  if (day !== undefined) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    return { text, precision: 'DAY', approximate, earliest: iso, latest: iso };
  }
  if (month !== undefined) {
    return { text, precision: 'MONTH', approximate, earliest: `${m[1]}-${pad(month)}-01`, latest: `${m[1]}-${pad(month)}-${pad(daysInMonth(year, month))}` };
  }
  return { text, precision: 'YEAR', approximate, earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` };
}

/** Parses the EDTF subset the seed files use; null when the text is not one of them. */
export function parsePartialDate(text: string): PartialDate | null {
  const trimmed = String(text).trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) return parseSingle(trimmed);
  const from = parseSingle(trimmed.slice(0, slash));
  const to = parseSingle(trimmed.slice(slash + 1));
  if (!from || !to || from.earliest > to.latest) return null;
  return { text: trimmed, precision: 'INTERVAL', approximate: from.approximate || to.approximate, earliest: from.earliest, latest: to.latest };
}

/** A strict YYYY-MM-DD calendar date, as the Date scalar accepts. */
export function isIsoDay(text: string): boolean {
  const parsed = parseSingle(text);
  return parsed !== null && parsed.precision === 'DAY' && !parsed.approximate;
}

/**
 * The span in which a fact holds, as asOf reads it: from the earliest day its start can denote
 * (or, with no start stated, the first day a source surely attests it: the latest day of the
 * attestation, which matters for "some time between" dates) to the latest day its end can
 * denote (open when no end is stated). See README "Dates and asOf".
 */
export function validitySpan(start?: string | null, end?: string | null, attested?: string | null): { validFrom: string | null; validTo: string | null } {
  const s = start ? parsePartialDate(start) : null;
  const a = attested ? parsePartialDate(attested) : null;
  const e = end ? parsePartialDate(end) : null;
  return { validFrom: s?.earliest ?? a?.latest ?? null, validTo: e?.latest ?? null };
}
