import { linkMentions } from '../../src/mentions/link-mentions';
import { checkHeldout, expectAboveFloors, formatHeldout, loadHeldout, scoreHeldout, seedLinkingIndex } from '../support/heldout-score';

/**
 * The held-out mention set (tests/fixtures/mentions-heldout): twelve texts the linker was not tuned on, labelled
 * before any tuning. The floors below sit just under the figures measured after the linker work of issue 12 (README.md,
 * "After"), so that a regression fails; raise them as the linker improves, never lower them to let a change pass.
 */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  en: { precision: 0.96, recall: 0.97 },
  tr: { precision: 0.99, recall: 0.99 },
  ru: { precision: 0.99, recall: 0.97 },
  all: { precision: 0.98, recall: 0.98 },
};
/** At most this many negatives (ordinary words and look-alikes) may be linked. */
const MAX_NEGATIVES_HIT = 0;

const { bundle, index, graphNames } = seedLinkingIndex();

const texts = loadHeldout();

describe('held-out mention set', () => {
  it('has valid labels: offsets give the surface, every entity exists in the graph, no overlaps', () => {
    expect(checkHeldout(texts)).toEqual([]);
    const keys = new Set(bundle.entities.map((e) => e.key));
    const unknown = texts.flatMap((t) => t.mentions.filter((m) => !keys.has(m.entity)).map((m) => `${t.id}: ${m.entity}`));
    expect(unknown).toEqual([]);
    expect(texts.length).toBeGreaterThanOrEqual(9);
  });

  it('scores linkMentions against the labels, above the floors', () => {
    const score = scoreHeldout(texts, (text, language) => linkMentions(text, language, index), graphNames);
    process.stdout.write(formatHeldout(score));
    expectAboveFloors(score, { byLanguage: FLOORS, maxNegativesHit: MAX_NEGATIVES_HIT });
  });
});
