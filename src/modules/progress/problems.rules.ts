import type { z } from 'zod';
import { NUL_MESSAGE, nulPaths } from '../../kernel/nul-characters';

/**
 * A problem found in an imported document, named by JSON path (`projects[3].indicators[0].target`)
 * with a Chinese message, so that a clerk can find and fix every one of them in one go.
 */
export interface Problem {
  path: string;
  message: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const key = String(s);
      out += IDENTIFIER.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * Every string (or key) of a JSON value holding U+0000, named by path, so that an import is refused
 * with the rest of its problems instead of failing in the database.
 */
export function nulCharacterProblems(json: unknown): Problem[] {
  return nulPaths(json).map((path) => ({ path: formatPath(path), message: NUL_MESSAGE }));
}

/** "projects[0]: …" or, for the document as a whole, "文档: …". */
export function formatProblem(problem: Problem): string {
  return `${problem.path || '文档'}: ${problem.message}`;
}

export const UNKNOWN_FIELD_MESSAGE = '未知字段：本格式没有这个字段，请删除或检查拼写';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
  record: '对象',
};

/**
 * Chinese messages for zod's generic issues, used as the per-parse error map. Messages set on a
 * schema itself take precedence; this covers types, bounds and enumerations.
 */
export const zhErrorMap = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填字段';
      return `必须是${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(min) <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少需要 ${min} 项`;
      return issue.inclusive ? `必须 ≥ ${min}` : `必须 > ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive ? `必须 ≤ ${max}` : `必须 < ${max}`;
    }
    case 'not_multiple_of':
      return String(issue.divisor) === '1' ? '必须是整数' : `必须是 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_value':
      if (issue.input === undefined) return '缺少必填字段';
      return issue.values.length === 1
        ? `必须是 ${String(issue.values[0])}`
        : `必须是 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_union': {
      // A missing amount (a string-or-number union) is missing, not malformed.
      if (issue.input === undefined) return '缺少必填字段';
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (discriminator && options) {
        const input = issue.input as Record<string, unknown> | undefined;
        if (input && typeof input === 'object' && input[discriminator] === undefined) return '缺少必填字段';
        return `必须是 ${options.map(String).join('、')} 之一`;
      }
      return '格式不正确';
    }
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return UNKNOWN_FIELD_MESSAGE;
    case 'invalid_key':
      return '键名不正确';
    default:
      return '内容不正确';
  }
};

/** zod issues as problems; an unknown-keys issue becomes one problem per unknown field, at its path. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({ path: formatPath([...path, key]), message: UNKNOWN_FIELD_MESSAGE });
    } else {
      problems.push({ path: formatPath(path), message: issue.message });
    }
  }
  return problems;
}

/** Problems in the order found, each path-and-message pair once. */
export function tidyProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of problems) {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
