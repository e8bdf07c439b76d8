import { buildNameIndex, LinkingFacts, linkMentions, Mention, NameForLinking } from '../../src/mentions/link-mentions';
import { isRussianForm } from '../../src/mentions/morphology';
import { nameVariants } from '../../src/mentions/name-variants';
import { toLinks } from '../../src/mentions/mention-links';

/** A small graph: enough names and meeting facts to show each rule of the linker on its own. */
const n = (entityKey: string, entityType: string, text: string, lang = 'en', kind = 'label'): NameForLinking => ({ entityKey, entityType, text, lang, kind });
const NAMES: NameForLinking[] = [
  n('cica', 'Organization', 'Conference on Interaction and Confidence Building Measures in Asia'),
  n('cica', 'Organization', 'CICA', 'en', 'acronym'), n('cica', 'Organization', 'AİGK', 'tr', 'acronym'), n('cica', 'Organization', 'СВМДА', 'ru', 'acronym'),
  n('cica', 'Organization', 'Совещание по взаимодействию и мерам доверия в Азии', 'ru'),
  n('sco', 'Organization', 'Shanghai Cooperation Organisation'),
  n('KAZ', 'State', 'Kazakhstan'), n('KAZ', 'State', 'Казахстан', 'ru'), n('KAZ', 'State', 'Республика Казахстан', 'ru', 'alias'),
  n('city-almaty', 'Place', 'Almaty'), n('city-dushanbe', 'Place', 'Dushanbe'), n('city-dushanbe', 'Place', 'Душанбе', 'ru'),
  n('city-astana', 'Place', 'Astana'), n('city-astana', 'Place', 'Nursultan', 'tr', 'spelling'),
  n('kassym-jomart-tokayev', 'Person', 'Kassym-Jomart Tokayev'), n('kassym-jomart-tokayev', 'Person', 'Касым-Жомарт Токаев', 'ru'),
  n('nursultan-nazarbayev', 'Person', 'Nursultan Nazarbayev'),
  n('xi-jinping', 'Person', 'Xi Jinping'),
  n('emrah-kaya', 'Person', 'Emrah Kaya', 'tr'), n('emrah-kaya', 'Person', 'Kaya', 'tr', 'spelling'),
  n('mohammad-javad-zarif', 'Person', 'Mohammad Javad Zarif'), n('mohammad-javad-zarif', 'Person', 'Zarif', 'tr', 'spelling'),
  n('cica-summit-1', 'Meeting', '1st CICA Summit'),
];
const FACTS: LinkingFacts = {
  meetings: [1, 2, 3, 4, 5, 6, 7].map((k) => ({ key: `cica-summit-${k}`, meetingKind: 'summit', ordinal: k, year: [2002, 2006, 2010, 2014, 2019, 2022, 2026][k - 1], orgKeys: ['cica'], cityKeys: [k === 5 ? 'city-dushanbe' : k === 6 ? 'city-astana' : k <= 2 ? 'city-almaty' : 'city-x'] }))
    .concat([4, 7].map((k) => ({ key: `cica-mfa-${k}`, meetingKind: 'ministerial', ordinal: k, year: null as unknown as number, orgKeys: ['cica'], cityKeys: [] }))),
  familyNameFirst: ['xi-jinping'],
};
const index = buildNameIndex(NAMES, FACTS);
const link = (text: string, lang: string) => linkMentions(text, lang, index);
const spans = (ms: Mention[]) => ms.map((m) => [m.entityKey, m.text, m.method]);

describe('Russian case forms', () => {
  it('links every case of the long name of CICA, with the words as written', () => {
    const cases = ['Совещание', 'Совещания', 'Совещанию', 'Совещанием', 'Совещании'];
    for (const head of cases) {
      const text = `${head} по взаимодействию и мерам доверия в Азии`;
      expect(spans(link(`О ${text}.`, 'ru'))).toEqual([['cica', text, head === 'Совещание' ? 'exact' : 'inflected']]);
    }
  });

  it('links a state in the genitive, locative and dative, and a long form in an oblique case', () => {
    expect(spans(link('Визит в Казахстан, в Казахстане и к Казахстану; посол Республики Казахстан.', 'ru'))).toEqual([
      ['KAZ', 'Казахстан', 'exact'], ['KAZ', 'Казахстане', 'inflected'], ['KAZ', 'Казахстану', 'inflected'], ['KAZ', 'Республики Казахстан', 'inflected'],
    ]);
  });

  it('links a name with a patronymic in any case', () => {
    expect(spans(link('Речь Касым-Жомарта Кемелевича Токаева.', 'ru'))).toEqual([['kassym-jomart-tokayev', 'Касым-Жомарта Кемелевича Токаева', 'inflected']]);
  });

  it('guards short stems and lower case: no link for an unrelated word sharing a prefix', () => {
    expect(isRussianForm('мерами', 'мерам', false, false)).toBe(false);
    expect(isRussianForm('германия', 'герман', true, true)).toBe(false); // a person's name does not take -ия
    expect(isRussianForm('казахстанский', 'казахстан', true, false)).toBe(false); // an adjective is not a case form
    expect(link('казахстане', 'ru')).toEqual([]);
  });
});

describe('meetings by ordinal', () => {
  it('resolves English ordinals in words and digits, with the organisation inside or named in the text', () => {
    expect(spans(link('The Sixth CICA Summit met. Then the 4th summit of the Conference on Interaction and Confidence Building Measures in Asia.', 'en'))).toEqual([
      ['cica-summit-6', 'Sixth CICA Summit', 'meeting-ordinal'],
      ['cica-summit-4', '4th summit of the Conference on Interaction and Confidence Building Measures in Asia', 'meeting-ordinal'],
    ]);
    expect(spans(link('CICA leaders recalled the third summit.', 'en'))).toEqual([['cica', 'CICA', 'acronym'], ['cica-summit-3', 'third summit', 'meeting-ordinal']]);
  });

  it('needs the organisation: a bare "third summit" in a text naming no organisation of it is not linked', () => {
    expect(link('Leaders recalled the third summit.', 'en')).toEqual([]);
  });

  it('resolves Turkish ordinals: words, digits with a dot and Roman numerals; a case suffix stays outside', () => {
    expect(spans(link('AİGK 6. Zirvesi ve VI. Zirve ile yedinci zirveye, Birinci AİGK Zirvesinde.', 'tr'))).toEqual([
      ['cica-summit-6', 'AİGK 6. Zirvesi', 'meeting-ordinal'], ['cica-summit-6', 'VI. Zirve', 'meeting-ordinal'],
      ['cica-summit-7', 'yedinci zirve', 'meeting-ordinal'], ['cica-summit-1', 'Birinci AİGK Zirvesi', 'meeting-ordinal'],
    ]);
    expect(spans(link('AİGK Dışişleri Bakanları 4. Toplantısı yapıldı.', 'tr'))).toEqual([['cica-mfa-4', 'AİGK Dışişleri Bakanları 4. Toplantısı', 'meeting-ordinal']]);
  });

  it('resolves Russian ordinals in any case and Roman numerals, and the ministerial kind from the words', () => {
    expect(spans(link('На шестом саммите СВМДА, после IV саммита СВМДА и перед седьмого саммита СВМДА.', 'ru'))).toEqual([
      ['cica-summit-6', 'шестом саммите СВМДА', 'meeting-ordinal'], ['cica-summit-4', 'IV саммита СВМДА', 'meeting-ordinal'], ['cica-summit-7', 'седьмого саммита СВМДА', 'meeting-ordinal'],
    ]);
    expect(spans(link('7-е заседание Совета министров иностранных дел СВМДА', 'ru'))).toEqual([['cica-mfa-7', '7-е заседание Совета министров иностранных дел СВМДА', 'meeting-ordinal']]);
  });

  it('resolves a summit by its city, when only one summit was held there', () => {
    expect(spans(link('CICA: the Dushanbe summit, the Almaty summit.', 'en'))).toEqual([['cica', 'CICA', 'acronym'], ['cica-summit-5', 'Dushanbe summit', 'meeting-city'], ['city-almaty', 'Almaty', 'exact']]);
    expect(spans(link('Итоги Душанбинского саммита СВМДА.', 'ru'))).toEqual([['cica-summit-5', 'Душанбинского саммита СВМДА', 'meeting-city']]);
  });

  it('records how the meeting was resolved', () => {
    expect(link('The 6th CICA Summit', 'en')[0]).toMatchObject({ method: 'meeting-ordinal', evidence: 'summit no. 6; organisation in the phrase' });
  });
});

describe('ordinary words', () => {
  it('does not link a lower-case word that is also a surname (Turkish zarif "elegant", kaya "rock")', () => {
    expect(link('zarif kıyafetleriyle granit kaya blokları', 'tr')).toEqual([]);
  });

  it('links a one-word short form capitalised mid-sentence, after a title, or after the full name, but not at a sentence start alone', () => {
    expect(link('Kaya gibi sağlam.', 'tr')).toEqual([]);
    expect(link('Toplantıda Bay Zarif konuştu.', 'tr')[0]).toMatchObject({ entityKey: 'mohammad-javad-zarif', evidence: 'after the title "Bay"' });
    expect(link('Dün Kaya konuştu.', 'tr')[0]).toMatchObject({ entityKey: 'emrah-kaya', evidence: 'capitalised mid-sentence' });
  });

  it('reads a given name that is also a former city name as the person when a surname follows', () => {
    expect(spans(link('Nursultan Abenov said', 'en'))).toEqual([]);
    expect(spans(link('Nursultan Nazarbaev said', 'en'))).toEqual([['nursultan-nazarbayev', 'Nursultan Nazarbaev', 'variant']]);
    expect(spans(link("Nursultan'da toplantı", 'tr'))).toEqual([['city-astana', 'Nursultan', 'exact']]);
  });
});

describe('surname after the full name', () => {
  it('links a surname alone only after the full name in the same text', () => {
    expect(link('Tokayev spoke.', 'en')).toEqual([]);
    expect(spans(link('Kassym-Jomart Tokayev arrived. Later Tokayev spoke.', 'en'))).toEqual([
      ['kassym-jomart-tokayev', 'Kassym-Jomart Tokayev', 'exact'], ['kassym-jomart-tokayev', 'Tokayev', 'surname-after-full'],
    ]);
    expect(spans(link('Касым-Жомарт Токаев прибыл. Речь Токаева.', 'ru'))).toEqual([
      ['kassym-jomart-tokayev', 'Касым-Жомарт Токаев', 'exact'], ['kassym-jomart-tokayev', 'Токаева', 'surname-after-full'],
    ]);
  });

  it('takes the first word of a family-name-first person, and not a surname inside another person\'s name', () => {
    expect(spans(link('Xi Jinping said. Xi added.', 'en'))).toEqual([['xi-jinping', 'Xi Jinping', 'exact'], ['xi-jinping', 'Xi', 'surname-after-full']]);
    expect(spans(link('Kassym-Jomart Tokayev spoke. Students of the Tokayev School', 'en')).map((s) => s[1])).toEqual(['Kassym-Jomart Tokayev']);
  });
});

describe('variants and methods', () => {
  it('generates transliteration variants by rule', () => {
    expect(nameVariants(['kassym', 'jomart', 'tokayev'], 'Person').map((v) => v.join(' '))).toEqual(expect.arrayContaining(['kassym jomart tokaev', 'kasym jomart tokayev', 'kassym jomart tokaiev']));
    expect(spans(link('Kassym-Jomart Tokaïev et la Shanghai Cooperation Organization', 'en'))).toEqual([
      ['kassym-jomart-tokayev', 'Kassym-Jomart Tokaïev', 'variant'], ['sco', 'Shanghai Cooperation Organization', 'variant'],
    ]);
  });

  it('keeps the method and evidence of every span in the stored links', () => {
    const text = 'Kassym-Jomart Tokayev at the 6th CICA Summit; Tokayev.';
    const [tokayev, summit] = toLinks(text, link(text, 'en'));
    expect(tokayev).toMatchObject({ entityKey: 'kassym-jomart-tokayev', methods: ['exact', 'surname-after-full'], evidences: ['', 'the full name came earlier in the text'] });
    expect(summit).toMatchObject({ entityKey: 'cica-summit-6', methods: ['meeting-ordinal'] });
  });
});
