import { describe, expect, it } from 'vitest';
import { selectElected } from './selection.rules';

const scored = (...pairs: Array<[string, number, boolean?]>) =>
  pairs.map(([name, score, passed = true]) => ({ name, score, passed }));

describe('selectElected', () => {
  it('takes passing candidates in order of score up to the seats', () => {
    expect(selectElected(scored(['甲', 60], ['乙', 80], ['丙', 70], ['丁', 50]), 3)).toEqual({
      elected: ['乙', '丙', '甲'],
      tied: [],
      openSeats: 0,
    });
  });

  it('skips candidates that did not pass, leaving seats open', () => {
    expect(selectElected(scored(['甲', 90], ['乙', 80, false], ['丙', 40, false]), 2)).toEqual({
      elected: ['甲'],
      tied: [],
      openSeats: 1,
    });
  });

  it('leaves the seat open and names the candidates tied at the cut-off', () => {
    expect(selectElected(scored(['甲', 80], ['乙', 70], ['丙', 60], ['丁', 60]), 3)).toEqual({
      elected: ['甲', '乙'],
      tied: ['丙', '丁'],
      openSeats: 1,
    });
  });

  it('names every candidate tied at the cut-off, even those that would fit', () => {
    expect(selectElected(scored(['甲', 80], ['乙', 60], ['丙', 60], ['丁', 60]), 3)).toEqual({
      elected: ['甲'],
      tied: ['乙', '丙', '丁'],
      openSeats: 2,
    });
  });

  it('elects tied candidates when there are seats for all of them', () => {
    expect(selectElected(scored(['甲', 80], ['乙', 60], ['丙', 60], ['丁', 50]), 3)).toEqual({
      elected: ['甲', '乙', '丙'],
      tied: [],
      openSeats: 0,
    });
  });

  it('keeps ballot order among equal scores above the cut-off', () => {
    expect(selectElected(scored(['甲', 70], ['乙', 90], ['丙', 90], ['丁', 10]), 3).elected).toEqual([
      '乙',
      '丙',
      '甲',
    ]);
  });

  it('does not count a tie with a candidate who did not pass', () => {
    expect(selectElected(scored(['甲', 80], ['乙', 60], ['丙', 60, false]), 2)).toEqual({
      elected: ['甲', '乙'],
      tied: [],
      openSeats: 0,
    });
  });

  it('leaves every seat open when all passing candidates tie for fewer seats', () => {
    expect(selectElected(scored(['甲', 60], ['乙', 60], ['丙', 60]), 2)).toEqual({
      elected: [],
      tied: ['甲', '乙', '丙'],
      openSeats: 2,
    });
  });
});
