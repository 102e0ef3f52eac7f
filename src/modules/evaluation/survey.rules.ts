import { createHmac, randomBytes } from 'node:crypto';
import {
  chineseDate,
  type DateWindow,
  dateWindowProblems,
  type WindowState,
  windowState,
} from '../../kernel/date-window';
import { DomainError } from '../../kernel/errors';
import {
  EVALUATION_MARKS,
  type EvaluationCounts,
  type EvaluationMark,
  type EvaluationVerdict,
  evaluationVerdict,
  type SatisfactionRule,
} from './evaluation.rules';

/**
 * 群众满意度调查: one answer per project from each phone number or each one-time code. Neither is
 * kept in a form that can be shown again: the phone as an HMAC under the server's key (enough to
 * refuse a second answer) plus a masked copy for staff, the code as an HMAC only.
 */
export const MAX_COMMENT = 500;

/** Mainland mobile numbers: 11 digits starting 13–19; spaces, dashes and +86 are forgiven. */
export function normalizePhone(text: string): string {
  const digits = text.replace(/[\s\-()（）]/g, '').replace(/^(\+?86)/, '');
  if (!/^1[3-9]\d{9}$/.test(digits)) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'phone',
      message: '手机号码不正确：应为 11 位手机号，如 139 0356 1234',
    });
  }
  return digits;
}

export function maskedPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}

/** A comment as typed, trimmed; empty means none. Markup is kept as text: pages escape it. */
export function cleanComment(text: string | null | undefined): string | null {
  const comment = (text ?? '').trim();
  if (comment === '') return null;
  if ([...comment].length > MAX_COMMENT) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'comment',
      message: `意见建议不能超过 ${MAX_COMMENT} 字（现有 ${[...comment].length} 字）`,
    });
  }
  return comment;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

/** A fresh one-time code as printed: ten characters without look-alikes, in two groups. */
export function newSurveyCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function canonicalSurveyCode(text: string): string {
  const code = text.toUpperCase().replace(/[\s\-_]/g, '');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) {
    throw new DomainError('SURVEY_CODE_INVALID', { field: 'code' });
  }
  return code;
}

/** The keyed hash that stands for a respondent: who answered cannot be read back from it. */
export function respondentHash(key: string, via: 'phone' | 'code', value: string): string {
  return createHmac('sha256', key).update(`minsheng/survey/${via}\0${value}`, 'utf8').digest('hex');
}

export interface SurveyCounts extends EvaluationCounts {}

/** The public's verdict: the same rule, but of the answers given (there is no roll of residents). */
export const SURVEY_RULE: SatisfactionRule = {
  base: 'marked',
  satisfied: { numerator: 1, denominator: 2, inclusive: false },
  satisfiedOrBasic: { numerator: 1, denominator: 2, inclusive: false },
};

export interface SurveySummary {
  answers: number;
  counts: SurveyCounts;
  /** (满意 + 基本满意) ÷ answers, as a percentage with one decimal; null without answers. */
  satisfactionRate: number | null;
  verdict: EvaluationVerdict | null;
}

export function summarizeSurvey(rows: readonly { rating: EvaluationMark; n: number }[]): SurveySummary {
  const counts: SurveyCounts = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, blank: 0 };
  for (const r of rows) {
    if (r.rating === '满意') counts.satisfied += r.n;
    else if (r.rating === '基本满意') counts.basicallySatisfied += r.n;
    else if (r.rating === '不满意') counts.dissatisfied += r.n;
  }
  const answers = counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
  return {
    answers,
    counts,
    satisfactionRate:
      answers === 0
        ? null
        : Math.round(((counts.satisfied + counts.basicallySatisfied) * 1000) / answers) / 10,
    verdict: answers === 0 ? null : evaluationVerdict(counts, SURVEY_RULE),
  };
}

// ── 满意度评价期: the window of the public survey ────────────────────────────────────────────────

/** A week at least, so that a resident who passes the site poster once a week can still answer. */
export const SURVEY_MIN_DAYS = 7;

export function surveyWindowProblems(window: DateWindow) {
  return dateWindowProblems(window, {
    days: SURVEY_MIN_DAYS,
    code: 'SURVEY_WINDOW_TOO_SHORT',
    message: (days) => `满意度评价期不少于 ${SURVEY_MIN_DAYS} 天（现为 ${days} 天）`,
  });
}

/** Without a window the survey is always open; with one, only on its days. */
export function surveyState(window: DateWindow | null | undefined, today: string): WindowState {
  return window ? windowState(window, today) : 'open';
}

/** What a resident reads instead of the form when the survey is not open; null while it is. */
export function surveyClosedMessage(window: DateWindow | null | undefined, today: string): string | null {
  const state = surveyState(window, today);
  if (state === 'open' || !window) return null;
  const span = `${chineseDate(window.opensOn)}至${chineseDate(window.closesOn)}`;
  return state === 'upcoming'
    ? `本年度群众满意度评价将于${chineseDate(window.opensOn)}开始（评价期 ${span}），届时欢迎您评价`
    : `本年度群众满意度评价时间为${span}，现已结束。感谢您的关注，您仍可查看项目进展、提出建议`;
}

export { EVALUATION_MARKS };
