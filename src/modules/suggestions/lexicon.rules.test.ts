import { describe, expect, it } from 'vitest';
import { AGENCIES, CONCEPTS, conceptsOfWords, LEXICON_WORDS, SUGGESTION_FIELDS } from './lexicon.rules';

describe('the lexicon', () => {
  it('gives every concept a known field, known agencies and at least one word', () => {
    for (const concept of CONCEPTS) {
      expect(SUGGESTION_FIELDS).toContain(concept.field);
      for (const agency of concept.agencies) expect(Object.keys(AGENCIES)).toContain(agency);
      expect(concept.words.length).toBeGreaterThan(0);
      for (const word of concept.words) expect(word).toMatch(/^\S+$/u);
    }
  });

  it('has no two concepts with one id, and covers every field', () => {
    const ids = CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const field of SUGGESTION_FIELDS) expect(CONCEPTS.some((c) => c.field === field)).toBe(true);
  });

  it('writes its words as the normaliser leaves them (lower case, half-width)', () => {
    for (const word of LEXICON_WORDS) expect(word).toBe(word.normalize('NFKC').toLowerCase());
  });

  it('finds concepts by word, once per occurrence', () => {
    expect(conceptsOfWords(['暖气', '不热', '供暖']).map((c) => c.id)).toEqual(['供暖', '供暖']);
    expect(conceptsOfWords(['你好'])).toEqual([]);
  });
});
