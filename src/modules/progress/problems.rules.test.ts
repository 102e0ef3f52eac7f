import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, formatProblem, issuesToProblems, tidyProblems, zhErrorMap } from './problems.rules';

const problemsOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input, { error: zhErrorMap });
  return r.success ? [] : issuesToProblems(r.error.issues);
};

describe('JSON paths', () => {
  it('reads like projects[3].indicators[0].target', () => {
    expect(formatPath(['projects', 3, 'indicators', 0, 'target'])).toBe('projects[3].indicators[0].target');
  });

  it('quotes keys that are not plain names', () => {
    expect(formatPath(['projects', 0, 'values', '指标 1'])).toBe('projects[0].values["指标 1"]');
    expect(formatPath(['备注'])).toBe('["备注"]');
  });

  it('is empty for the document itself, which a problem line calls 文档', () => {
    expect(formatPath([])).toBe('');
    expect(formatProblem({ path: '', message: '必须是对象' })).toBe('文档: 必须是对象');
    expect(formatProblem({ path: 'year', message: '必须是整数' })).toBe('year: 必须是整数');
  });
});

describe('Chinese messages for generic problems', () => {
  it('tells a missing field from a field of the wrong type', () => {
    const schema = z.strictObject({ name: z.string(), count: z.number(), list: z.array(z.string()) });
    expect(problemsOf(schema, { count: '3', list: {} })).toEqual([
      { path: 'name', message: '缺少必填字段' },
      { path: 'count', message: '必须是数字' },
      { path: 'list', message: '必须是数组' },
    ]);
  });

  it('calls a missing text-or-number (an amount) missing, and a wrong one malformed', () => {
    const schema = z.strictObject({ amount: z.union([z.string(), z.number()]) });
    expect(problemsOf(schema, {})).toEqual([{ path: 'amount', message: '缺少必填字段' }]);
    expect(problemsOf(schema, { amount: true })).toEqual([{ path: 'amount', message: '格式不正确' }]);
  });

  it('states bounds with ≥, >, ≤ and <', () => {
    const schema = z.strictObject({
      a: z.number().min(0),
      b: z.number().positive(),
      c: z.number().max(100),
      d: z.number().lt(5),
      e: z.string().min(1),
      f: z.array(z.number()).min(2),
      g: z.number().int(),
    });
    expect(problemsOf(schema, { a: -1, b: 0, c: 101, d: 5, e: '', f: [1], g: 1.5 })).toEqual([
      { path: 'a', message: '必须 ≥ 0' },
      { path: 'b', message: '必须 > 0' },
      { path: 'c', message: '必须 ≤ 100' },
      { path: 'd', message: '必须 < 5' },
      { path: 'e', message: '不能为空' },
      { path: 'f', message: '至少需要 2 项' },
      { path: 'g', message: '必须是整数' },
    ]);
  });

  it('lists the allowed values of an enumeration', () => {
    expect(problemsOf(z.strictObject({ kind: z.enum(['count', 'amount']) }), { kind: 'x' })).toEqual([
      { path: 'kind', message: '必须是 count、amount 之一' },
    ]);
  });

  it('gives one problem per unknown field, at its own path', () => {
    expect(problemsOf(z.strictObject({ a: z.number() }), { a: 1, b: 2, c: 3 })).toEqual([
      { path: 'b', message: '未知字段：本格式没有这个字段，请删除或检查拼写' },
      { path: 'c', message: '未知字段：本格式没有这个字段，请删除或检查拼写' },
    ]);
  });

  it('keeps a message set on the schema itself', () => {
    expect(problemsOf(z.strictObject({ a: z.number({ error: '请填写数量' }) }), { a: 'x' })).toEqual([
      { path: 'a', message: '请填写数量' },
    ]);
  });
});

describe('tidying a list of problems', () => {
  it('keeps each path-and-message pair once, in the order found', () => {
    expect(
      tidyProblems([
        { path: 'b', message: 'x' },
        { path: 'a', message: 'y' },
        { path: 'b', message: 'x' },
        { path: 'b', message: 'z' },
      ]),
    ).toEqual([
      { path: 'b', message: 'x' },
      { path: 'a', message: 'y' },
      { path: 'b', message: 'z' },
    ]);
  });
});
