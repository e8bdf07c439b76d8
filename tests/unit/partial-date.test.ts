import { isIsoDay, parsePartialDate, validitySpan } from '../../src/util/partial-date';

describe('parsePartialDate', () => {
  it('reads a day, a month and a year with their precision and bounds', () => {
    expect(parsePartialDate('1999-09-14')).toMatchObject({ precision: 'DAY', earliest: '1999-09-14', latest: '1999-09-14' });
    expect(parsePartialDate('2010-06')).toMatchObject({ precision: 'MONTH', earliest: '2010-06-01', latest: '2010-06-30' });
    expect(parsePartialDate('2007')).toMatchObject({ precision: 'YEAR', earliest: '2007-01-01', latest: '2007-12-31' });
    expect(parsePartialDate('2024-02')).toMatchObject({ latest: '2024-02-29' });
  });

  it('marks "mid-2014" (2014-06~) approximate and reads intervals', () => {
    expect(parsePartialDate('2014-06~')).toMatchObject({ approximate: true, precision: 'MONTH' });
    expect(parsePartialDate('2010-06/2014-05')).toMatchObject({ precision: 'INTERVAL', earliest: '2010-06-01', latest: '2014-05-31' });
  });

  it('refuses impossible dates', () => {
    for (const bad of ['2015-13-11', '2015-02-30', '15-11-11', 'mid-2014', '2014/2010', '']) expect(parsePartialDate(bad)).toBeNull();
    expect(isIsoDay('2015-11-11')).toBe(true);
    expect(isIsoDay('2015-11')).toBe(false);
  });
});

describe('validitySpan (asOf)', () => {
  it('runs from the earliest possible start to the latest possible end', () => {
    expect(validitySpan('2010-06', '2014')).toEqual({ validFrom: '2010-06-01', validTo: '2014-12-31' });
  });
  it('falls back to the first attestation when no start is stated', () => {
    expect(validitySpan(undefined, undefined, '2015-11-11')).toEqual({ validFrom: '2015-11-11', validTo: null });
    expect(validitySpan(undefined, undefined, '2014-05/2018-09')).toEqual({ validFrom: '2018-09-30', validTo: null });
  });
});
