import { describe, expect, it } from 'vitest';
import { wrapText } from './poster';
import {
  canonicalSurveyCode,
  cleanComment,
  maskedPhone,
  normalizePhone,
  respondentHash,
  summarizeSurvey,
  surveyClosedMessage,
  surveyState,
  surveyWindowProblems,
} from './survey.rules';

describe('the survey’s respondents', () => {
  it('reads mainland mobile numbers the way people write them', () => {
    for (const text of [
      '13903561234',
      '139 0356 1234',
      '139-0356-1234',
      '+86 139 0356 1234',
      '8613903561234',
    ]) {
      expect(normalizePhone(text)).toBe('13903561234');
    }
    for (const text of ['1390356123', '23903561234', '12903561234', '139035612345', '电话']) {
      expect(() => normalizePhone(text)).toThrow('手机号码不正确');
    }
    expect(maskedPhone('13903561234')).toBe('139****1234');
  });

  it('reads a printed code without caring for case or dashes, and refuses a malformed one', () => {
    expect(canonicalSurveyCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(() => canonicalSurveyCode('ABCDE-FGHI1')).toThrow('测评码不正确或未发放');
  });

  it('hashes a respondent under the plan year’s key, differently for phones and codes', () => {
    expect(respondentHash('k1', 'phone', '13903561234')).not.toBe(
      respondentHash('k2', 'phone', '13903561234'),
    );
    expect(respondentHash('k1', 'phone', 'X')).not.toBe(respondentHash('k1', 'code', 'X'));
  });

  it('keeps a comment as typed (markup included), trims it, and refuses one too long', () => {
    expect(cleanComment('  <script>alert(1)</script>  ')).toBe('<script>alert(1)</script>');
    expect(cleanComment('   ')).toBeNull();
    expect(() => cleanComment('字'.repeat(501))).toThrow('意见建议不能超过 500 字（现有 501 字）');
  });
});

describe('summarizeSurvey', () => {
  it('gives the share of 满意 and 基本满意 and the verdict of the answers given', () => {
    const summary = summarizeSurvey([
      { rating: '满意', n: 3 },
      { rating: '基本满意', n: 1 },
      { rating: '不满意', n: 2 },
    ]);
    expect(summary).toMatchObject({ answers: 6, satisfactionRate: 66.7, verdict: '基本满意' });
    expect(summarizeSurvey([])).toMatchObject({ answers: 0, satisfactionRate: null, verdict: null });
  });
});

describe('the poster’s title lines', () => {
  it('wraps by width, digits counting half, and ends an overlong name with an ellipsis', () => {
    expect(wrapText('惠及居民12000户的供热改造', 8)).toEqual(['惠及居民12000户', '的供热改造']);
    expect(wrapText('一二三四五六七八九十', 3, 2)).toEqual(['一二三', '四五…']);
  });
});

describe('the survey’s window (满意度评价期)', () => {
  const window = { opensOn: '2024-01-10', closesOn: '2024-01-31' };

  it('is open at any time until staff set one', () => {
    expect(surveyState(null, '2030-06-01')).toBe('open');
    expect(surveyClosedMessage(null, '2030-06-01')).toBeNull();
  });

  it('takes answers on its days only, both ends included', () => {
    expect(surveyState(window, '2024-01-09')).toBe('upcoming');
    expect(surveyState(window, '2024-01-10')).toBe('open');
    expect(surveyState(window, '2024-01-31')).toBe('open');
    expect(surveyState(window, '2024-02-01')).toBe('closed');
    expect(surveyClosedMessage(window, '2024-01-20')).toBeNull();
  });

  it('tells a resident politely when it opens, or that it is over', () => {
    expect(surveyClosedMessage(window, '2024-01-09')).toBe(
      '本年度群众满意度评价将于2024年1月10日开始（评价期 2024年1月10日至2024年1月31日），届时欢迎您评价',
    );
    expect(surveyClosedMessage(window, '2024-02-01')).toBe(
      '本年度群众满意度评价时间为2024年1月10日至2024年1月31日，现已结束。感谢您的关注，您仍可查看项目进展、提出建议',
    );
  });

  it('lasts a week at least, with its own code when shorter', () => {
    expect(surveyWindowProblems({ opensOn: '2024-01-10', closesOn: '2024-01-16' })).toEqual([]);
    expect(surveyWindowProblems({ opensOn: '2024-01-10', closesOn: '2024-01-15' })).toEqual([
      { code: 'SURVEY_WINDOW_TOO_SHORT', field: 'closesOn', message: '满意度评价期不少于 7 天（现为 6 天）' },
    ]);
    expect(surveyWindowProblems({ opensOn: '2024-01-10', closesOn: '2024-01-01' })[0]).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'closesOn',
    });
  });
});
