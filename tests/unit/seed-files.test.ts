import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeedFiles, SeedError } from '../../src/seed/read-seed-files';

const root = path.resolve(__dirname, '..', '..');
const corpusDir = process.env.CORPUS_DIR ? path.resolve(root, process.env.CORPUS_DIR) : path.resolve(root, '..', 'shared', 'seeds');

describe('the seed files', () => {
  const bundle = readSeedFiles(path.join(root, 'cypher', 'seed'), corpusDir);

  it('quote every corpus source verbatim (checked against the texts while reading)', () => {
    const corpusCitations = [...bundle.facts, ...bundle.claims, ...bundle.entities].flatMap((r) => r.citations).filter((c) => /^00\d_/.test(c.source));
    expect(corpusCitations.length).toBeGreaterThan(300);
  });

  it('give every fact and claim at least one citation', () => {
    expect(bundle.facts.every((f) => f.citations.length > 0)).toBe(true);
    expect(bundle.claims.every((c) => c.citations.length > 0)).toBe(true);
  });

  it('hold the five corpus sources with their metadata', () => {
    const sources = bundle.entities.filter((e) => e.type === 'Source' && e.corpus).map((e) => e.key).sort();
    expect(sources).toEqual(['000_c76b804907b0293e', '001_a314a1f8413c46cb', '002_2e4f098f8697c243', '003_6115c60b40a6a295', '004_2d1292f50a99c4ec']);
    expect(bundle.entities.find((e) => e.key === '004_2d1292f50a99c4ec')?.author).toMatch(/Emrah Kaya/i);
  });
});

describe('readSeedFiles errors', () => {
  const write = (yaml: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), yaml);
    return dir;
  };

  it('names the file and record of a quote that is not in the source', () => {
    const dir = write(`sources:\n  - { id: 000_c76b804907b0293e, title: t, language: tr }\nentities:\n  - id: KAZ\n    type: State\n    names: [{ text: Kazakhstan, lang: en }]\n    citations: [{ source: 000_c76b804907b0293e, quote: "Kazakhstan is great" }]\n`);
    expect(() => readSeedFiles(dir, corpusDir)).toThrow(new SeedError('bad.yaml: KAZ: quote not found verbatim in 000_c76b804907b0293e.txt: "Kazakhstan is great"'));
  });

  it('refuses a fact without citations, an unknown type and a bad date', () => {
    const head = `sources:\n  - { id: s1, title: t, url: "https://example.org" }\nentities:\n  - { id: A, type: State, names: [{ text: A }], citations: [{ source: s1, quote: q }] }\n`;
    expect(() => readSeedFiles(write(head + `facts:\n  - { id: f1, type: MEMBER_OF, role: member, from: A, to: A }\n`))).toThrow(/bad.yaml: f1: has no citations/);
    expect(() => readSeedFiles(write(head + `facts:\n  - { id: f1, type: MEMBER_OF, role: friend, from: A, to: A, citations: [{ source: s1, quote: q }] }\n`))).toThrow(/f1: a MEMBER_OF fact needs role member or observer/);
    expect(() => readSeedFiles(write(head + `facts:\n  - { id: f1, type: LIKES, from: A, to: A, citations: [{ source: s1, quote: q }] }\n`))).toThrow(/f1: type "LIKES"/);
    expect(() => readSeedFiles(write(head + `facts:\n  - { id: f1, type: MEMBER_OF, role: member, from: A, to: A, start: "mid-2014", citations: [{ source: s1, quote: q }] }\n`))).toThrow(/f1: start "mid-2014" is not an EDTF date/);
    expect(() => readSeedFiles(write(head + `facts:\n  - { id: f1, type: MEMBER_OF, role: member, from: A, to: B, citations: [{ source: s1, quote: q }] }\n`))).toThrow(/f1: refers to unknown entity "B"/);
  });
});
