import { foldName, nameCandidates } from '../../src/util/fold-name';

describe('foldName (Turkish-aware)', () => {
  it('folds dotted and dotless I the Turkish way', () => {
    expect(foldName('AİGK')).toBe('aigk');
    expect(foldName('Işık')).toBe('isik');
    expect(foldName('İSTANBUL')).toBe(foldName('istanbul'));
  });
  it('drops Turkish diacritics and keeps Cyrillic', () => {
    expect(foldName('Türkiye Şanghay Çin Öğe')).toBe('turkiye sanghay cin oge');
    expect(foldName('СВМДА')).toBe('свмда');
    expect(foldName('Kassym-Jomart  Tokayev')).toBe('kassym jomart tokayev');
  });
});

describe('nameCandidates', () => {
  it("strips Turkish suffixes after an apostrophe (Kazakistan'ın, AİGK'nın, Asya’da)", () => {
    expect(nameCandidates("Kazakistan'ın")).toContain('kazakistan');
    expect(nameCandidates("AİGK'nın")).toContain('aigk');
    expect(nameCandidates('Asya’da')).toContain('asya');
  });
});
