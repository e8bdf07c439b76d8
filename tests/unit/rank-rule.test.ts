import { agree, Candidate, decide, SourceInfo, sourceKind } from '../../src/seed/rank-rule';
import { reconcile } from '../../src/seed/reconcile';
import { EntityRecord, FactRecord, SeedBundle } from '../../src/seed/seed-model';
import { parsePartialDate } from '../../src/util/partial-date';

const info = (key: string, kind: SourceInfo['kind'], date?: string, publisher = key): SourceInfo => ({ key, kind, publisher, date: date ? parsePartialDate(date) : null });
const catalog = new Map([
  info('site', 'official', '2020'), info('embassy', 'government', '2006-06-20'), info('paper', 'news', '2014-05-20'),
  info('paper2', 'news', '2014-05-21', 'paper'), info('essay', 'commentary', '2012'), info('early', 'news', '2014-04-16'),
].map((s) => [s.key, s]));
const c = (value: string, ...sources: string[]): Candidate => ({ value, supports: sources.map((source) => ({ source, record: `${source}-${value}` })) });
const rank = (d: ReturnType<typeof decide>, value: string) => d.values.find((v) => v.value === value)?.rank;

describe('the rank rule', () => {
  it('prefers primary publishers over commentary, and deprecates the other value with the reason', () => {
    const d = decide([c('2002-07-04', 'essay'), c('2002-06-04', 'site')], catalog);
    expect(d.chosen).toBe('2002-06-04');
    expect(rank(d, '2002-07-04')).toBe('DEPRECATED');
    expect(d.values.find((v) => v.value === '2002-07-04')!.reason).toMatch(/outweighed by 2002-06-04/);
    expect(d.disagreement).toMatchObject({ overridden: false });
  });

  it('counts independent publishers, not articles: two pieces of one paper are one', () => {
    // Counted by article, 2006 would have two primary sources against one; by publisher it is one each,
    // and 2004 has a second, independent (commentary) publisher.
    const d = decide([c('2006-06-17', 'paper', 'paper2'), c('2004-10-22', 'site', 'essay')], catalog);
    expect(d.chosen).toBe('2004-10-22');
  });

  it('does not let an announcement written before the date outweigh a later report', () => {
    const d = decide([c('2016', 'early', 'embassy'), c('2018-09-24', 'site')], catalog);
    expect(d.chosen).toBe('2018-09-24');
  });

  it('treats values that refine each other as agreeing, shown by the most precise', () => {
    const d = decide([c('2022-10', 'essay'), c('2022-10-13', 'paper')], catalog);
    expect(d.chosen).toBe('2022-10-13');
    expect(d.disagreement).toBeUndefined();
    expect([rank(d, '2022-10-13'), rank(d, '2022-10')]).toEqual(['PREFERRED', 'NORMAL']);
    expect(agree('2014-06~', '2014-05-21')).toBe(true);
    expect(agree('2014-06', '2014-05-21')).toBe(false);
  });

  it('respects a file\'s override with its reason, and says so', () => {
    const announced: Candidate = { value: '2008-08-25', supports: [{ source: 'embassy', record: 'r1', override: { rank: 'DEPRECATED', reason: 'a pre-meeting announcement' } }] };
    const d = decide([announced, c('2014-05-20', 'paper')], catalog);
    expect(d.chosen).toBe('2014-05-20');
    expect(d.values.find((v) => v.value === '2008-08-25')).toMatchObject({ rank: 'DEPRECATED', reason: 'a pre-meeting announcement' });
    expect(d.disagreement).toMatchObject({ overridden: true });
  });

  it('keeps the first file\'s value on a tie and says it was a tie', () => {
    const d = decide([c('17', 'paper'), c('18', 'site')].map((x, i) => (i === 1 ? { ...x, supports: [{ source: 'paper2', record: 'x' }] } : x)), catalog);
    expect(d.chosen).toBe('17');
    expect(d.disagreement!.reason).toMatch(/^tie/);
  });

  it('reads a source\'s kind from its publisher and host when the file gives none', () => {
    expect(sourceKind({ publisher: 'Office of Abdullah Gül', url: 'http://www.abdullahgul.gen.tr/pages/visits/cica-ozel/' })).toBe('government');
    expect(sourceKind({ publisher: 'CICA Secretariat', url: 'https://www.s-cica.org/page/x' })).toBe('official');
    expect(sourceKind({ publisher: 'OCA Magazine', url: 'http://www.ocamagazine.com/president-ahmadinejad-to-attend-cica-summit' })).toBe('commentary');
    expect(sourceKind({ publisher: 'Kazinform', url: 'https://www.inform.kz/en/x' })).toBe('news');
  });
});

describe('reconcile', () => {
  const source = (key: string, kind: EntityRecord['kind']): EntityRecord => ({ key, type: 'Source', names: [{ text: key, lang: 'en', kind: 'label' }], kind, citations: [], files: ['f'] });
  const entity = (key: string, type: EntityRecord['type']): EntityRecord => ({ key, type, names: [{ text: key, lang: 'en', kind: 'label' }], citations: [], files: ['f'] });
  const fact = (key: string, from: string, extra: Partial<FactRecord>, src = 'a'): FactRecord => ({
    key, type: 'CHAIRED', from, to: 'org', citations: [{ source: src, quote: key }], file: `${src}.yaml`, ...extra,
  });
  const bundle = (facts: FactRecord[]): SeedBundle => ({
    entities: [source('a', 'news'), source('b', 'official'), entity('org', 'Organization'), entity('X', 'State'), entity('Y', 'State')], facts, claims: [], hash: 'h',
  });

  it('makes touching terms of one holder one statement, and ends an open term when the next begins', () => {
    const g = reconcile(bundle([
      fact('x1', 'X', { start: '2020-09-24', end: '2022-10-13' }), fact('x2', 'X', { start: '2022-10-13', end: '2024-12-17' }, 'b'),
      fact('y1', 'Y', { start: '2010' }), fact('y2', 'Y', { start: '2010-06-08' }, 'b'),
    ]));
    const x = g.statements.find((s) => s.from === 'X')!;
    expect(g.statements).toHaveLength(2);
    expect([x.start, x.end, x.factIds]).toEqual(['2020-09-24', '2024-12-17', ['x1', 'x2']]);
    const y = g.statements.find((s) => s.from === 'Y')!;
    expect(y).toMatchObject({ start: '2010-06-08', end: '2020-09-24', validTo: '2020-09-23' });
    expect(y.endDerived!.rule).toMatch(/^chair-succession/);
    expect(y.citations.map((c) => c.source)).toEqual(['a', 'b']);
  });
});
