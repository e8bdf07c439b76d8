/**
 * Folds a name for matching the Turkish way: İ/I/ı/i all become i, and ş ğ ç ö ü â î û
 * lose their marks, so "AİGK", "aigk" and "Aıgk" meet. Other scripts (Cyrillic) are lower-cased.
 * Punctuation becomes a space and runs of spaces collapse.
 */
export function foldName(text: string): string {
  return text
    .replace(/[İIı]/g, 'i')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‐-―−-]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const APOSTROPHES = /['’ʼ`´]/;

/**
 * The forms a typed name may stand for: the whole text, and, for Turkish case suffixes
 * after an apostrophe ("Kazakistan'ın", "AİGK'nın"), the text before the apostrophe.
 */
export function nameCandidates(text: string): string[] {
  const forms = new Set<string>();
  const whole = foldName(text);
  if (whole) forms.add(whole);
  const words = text.trim().split(/\s+/);
  const stripped = words.map((w) => {
    const i = w.search(APOSTROPHES);
    return i > 0 ? w.slice(0, i) : w;
  }).join(' ');
  const folded = foldName(stripped);
  if (folded) forms.add(folded);
  return [...forms];
}
