import { describe, expect, it } from 'vitest';
import { analyzeText, contentTerms, normalizeText, segmentWords, textSkeleton } from './text.rules';

describe('normalizeText', () => {
  it('turns full-width forms into half-width, one case and single spaces', () => {
    expect(normalizeText('  １路公交  ＡＥＤ\t配置 ')).toBe('1路公交 aed 配置');
  });
});

describe('textSkeleton', () => {
  it('is the same for copies that differ only in punctuation, spacing and exclamation marks', () => {
    const a = textSkeleton('杏园社区的老楼都是六层，没有电梯，建议加装电梯。');
    expect(textSkeleton('杏园社区的老楼都是六层 没有电梯 建议加装电梯！！')).toBe(a);
    expect(textSkeleton('杏园社区的老楼都是六层,没有电梯,建议加装电梯')).toBe(a);
  });

  it('differs when a word differs', () => {
    expect(textSkeleton('东关村路灯坏了')).not.toBe(textSkeleton('坪上村路灯坏了'));
  });
});

describe('analyzeText', () => {
  it('drops greetings, politeness and the verbs of asking', () => {
    const terms = analyzeText('领导您好！建议给我们村修一下路灯，谢谢。').terms;
    expect(terms).toContain('路灯');
    for (const word of ['领导', '您好', '建议', '我们', '谢谢', '，']) expect(terms).not.toContain(word);
  });

  it('keeps the parts of long compounds, so 公交车 and 公交线路 share 公交', () => {
    expect(contentTerms('开通公交线路')).toContain('公交');
    expect(contentTerms('开通公交车')).toContain('公交');
  });

  it('names the concepts a text speaks of, even without a shared word', () => {
    const ids = (text: string) => analyzeText(text).concepts.map((c) => c.id);
    expect(ids('移民小区暖气一点都不热')).toContain('供暖');
    expect(ids('供暖不达标，希望检修供热管网')).toContain('供暖');
    expect(ids('希望开办老年食堂')).toContain('老年助餐');
  });

  it('reads concepts from whole words: a swimming pool is not about drowning', () => {
    const ids = analyzeText('建议县城建一个室内游泳馆').concepts.map((c) => c.id);
    expect(ids).toContain('健身设施');
    expect(ids).not.toContain('防溺水');
  });

  it('turns a named place into one term, its stem, however the segmenter cuts it', () => {
    expect(analyzeText('湘峪村卫生室没有医生').terms).toContain('湘峪');
    expect(analyzeText('希望给湘峪村卫生室派医生').terms).toContain('湘峪');
    expect(analyzeText('西家村的路灯坏了').terms).not.toContain('家村');
  });

  it('reports the places it found', () => {
    expect(analyzeText('郑村镇湘峪村卫生室没有医生').places).toEqual({
      local: ['湘峪'],
      townships: ['郑村'],
    });
  });

  it('gives nothing for an empty or punctuation-only text', () => {
    expect(analyzeText('')).toEqual({ terms: [], concepts: [], places: { local: [], townships: [] } });
    expect(analyzeText('！！！。。。').terms).toEqual([]);
  });
});

describe('segmentWords', () => {
  it('segments with the dictionary, not into single characters', () => {
    expect(segmentWords('小区门口的路灯坏了')).toEqual(expect.arrayContaining(['小区', '门口', '路灯']));
  });
});
