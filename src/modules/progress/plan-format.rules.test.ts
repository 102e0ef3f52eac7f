import { describe, expect, it } from 'vitest';
import henan from './henan-2023.plan.fixture.json';
import { checkDocument, checkProject, checkValue } from './plan-format.rules';
import { type PlanDocument, parsePlanDocument } from './plan-format.schema';
import type { Problem } from './problems.rules';
import shanxiExample from './shanxi-2023.plan.fixture.json';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit raw JSON documents freely, as a clerk would.
type RawDocument = Record<string, any>;

// Cross-checks as a user meets them: through parsePlanDocument, on the spec's 山西 example.

function parsed(doc: unknown): PlanDocument {
  const result = parsePlanDocument(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function problemsOf(doc: unknown): Problem[] {
  const result = parsePlanDocument(doc);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

function withProject(change: (p: RawDocument) => void): RawDocument {
  const doc: RawDocument = structuredClone(shanxiExample);
  change(doc.projects[0]);
  return doc;
}

describe('a value fitting its indicator kind', () => {
  it('normalises amounts to yuan strings', () => {
    expect(checkValue('amount', 1000.5)).toEqual({ value: '1000.50' });
    expect(checkValue('amount', '1230000')).toEqual({ value: '1230000.00' });
  });

  it('refuses amounts finer than a fen, negative or not numeric', () => {
    expect(checkValue('amount', '1.001')).toBe('金额最多两位小数（精确到分）');
    expect(checkValue('amount', -1)).toBe('必须 ≥ 0');
    expect(checkValue('amount', '一百')).toBe('金额应为以元为单位的数字，如 "10000000.00"');
  });

  it('wants plain non-negative numbers for counts, coverage and entitlement', () => {
    expect(checkValue('count', 428.7)).toEqual({ value: 428.7 });
    expect(checkValue('coverage', '284')).toBe('必须是数字');
    expect(checkValue('entitlement', -1)).toBe('必须 ≥ 0');
    expect(checkValue('count', Number.NaN)).toBe('必须是数字');
  });

  it('keeps percentages within 0–100', () => {
    expect(checkValue('percent', 100)).toEqual({ value: 100 });
    expect(checkValue('percent', 100.1)).toBe('百分比应在 0–100 之间');
  });

  it('counts milestones reached in whole numbers, up to the milestones there are', () => {
    expect(checkValue('milestone', 3, 4)).toEqual({ value: 3 });
    expect(checkValue('milestone', 1.5, 4)).toBe('节点数必须是整数');
    expect(checkValue('milestone', 5, 4)).toBe('不能超过节点总数 4');
  });
});

describe('cross-checks of one project', () => {
  const ctx = { period: { start: '2023-01-01', end: '2023-12-31' }, regionCode: '140521' };

  it('skips parts that are themselves broken but checks the rest', () => {
    const checked = checkProject(
      {
        indicators: [null, { ref: 'I2', name: '文化活动', kind: 'count', target: 2000 }],
        indicatorRefs: ['I1', 'I2'],
        milestones: [{ due: null, planned: { I2: 200, I9: 1 } }],
        reports: [{ asOf: null, values: { I1: 5, I2: -1 }, eligible: {} }],
        allocations: [
          { region: null, indicator: 'I2', target: 1 },
          { region: '140521100', indicator: 'I1', target: 1 },
        ],
      },
      ['projects', 0],
      ctx,
    );
    expect(checked.problems).toEqual([
      { path: 'projects[0].milestones[0].planned.I9', message: '本项目没有编号为 I9 的指标' },
      { path: 'projects[0].reports[0].values.I2', message: '必须 ≥ 0' },
    ]);
  });

  it('accepts allocations to townships of a county plan', () => {
    const checked = checkProject(
      {
        indicators: [{ ref: 'I1', name: '文化活动', kind: 'count', target: 2000 }],
        milestones: [],
        reports: [],
        allocations: [{ region: '140521100', indicator: 'I1', target: 200 }],
      },
      [],
      ctx,
    );
    expect(checked.problems).toEqual([]);
    expect(checked.allocations).toEqual([{ region: '140521100', indicator: 'I1', target: 200 }]);
  });

  it('leaves date and region checks out when the plan’s own period and region are unusable', () => {
    const checked = checkProject(
      {
        indicators: [{ ref: 'I1', name: '文化活动', kind: 'count', target: 2000 }],
        milestones: [{ due: '1999-01-01', planned: {} }],
        reports: [],
        allocations: [{ region: '650100', indicator: 'I1', target: 1 }],
      },
      [],
      { period: null, regionCode: null },
    );
    expect(checked.problems).toEqual([]);
  });
});

describe('cross-checks of the whole document', () => {
  it('finds repeated project refs, ignoring unreadable ones', () => {
    expect(checkDocument({ period: undefined, projectRefs: ['P1', null, 'P2', 'P1', null, ''] })).toEqual([
      { path: 'projects[3].ref', message: '项目编号 P1 重复（与 projects[0] 相同）' },
    ]);
  });

  it('finds a period that ends before it starts, and accepts a one-day period', () => {
    expect(checkDocument({ period: { start: '2023-02-01', end: '2023-01-31' }, projectRefs: [] })).toEqual([
      { path: 'period', message: '计划期的开始日期不能晚于结束日期' },
    ]);
    expect(checkDocument({ period: { start: '2023-02-01', end: '2023-02-01' }, projectRefs: [] })).toEqual(
      [],
    );
  });
});

describe('milestones', () => {
  it('must be due inside the plan period', () => {
    expect(problemsOf(withProject((p) => (p.milestones[1].due = '2024-01-15')))).toEqual([
      { path: 'projects[0].milestones[1].due', message: '日期必须在计划期内（2023-01-01 至 2023-12-31）' },
    ]);
  });

  it('must be due inside the default calendar year when no period is given', () => {
    const doc = withProject((p) => (p.milestones[0].due = '2022-12-31'));
    delete doc.period;
    expect(problemsOf(doc)).toEqual([
      { path: 'projects[0].milestones[0].due', message: '日期必须在计划期内（2023-01-01 至 2023-12-31）' },
    ]);
  });

  it('may only plan indicators the project has', () => {
    expect(problemsOf(withProject((p) => (p.milestones[0].planned.I9 = 3)))).toEqual([
      { path: 'projects[0].milestones[0].planned.I9', message: '本项目没有编号为 I9 的指标' },
    ]);
  });

  it('plans cumulative values, which never go down from one milestone to the next', () => {
    expect(problemsOf(withProject((p) => (p.milestones[1].planned.I1 = 4)))).toEqual([
      {
        path: 'projects[0].milestones[1].planned.I1',
        message: '计划值是累计值，不能小于更早节点（2023-03-31）的 5',
      },
    ]);
  });

  it('compares cumulative values by date, not by the order listed', () => {
    const doc = withProject((p) => p.milestones.reverse());
    expect(parsed(doc).projects[0]!.milestones[0]!.due).toBe('2023-12-31');
  });

  it('refuses a negative planned value or investment', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.milestones[0].planned.I1 = -1;
        p.milestones[0].investment = '-1';
      }),
    );
    expect(problems).toEqual([
      { path: 'projects[0].milestones[0].investment', message: '必须 ≥ 0' },
      { path: 'projects[0].milestones[0].planned.I1', message: '必须 ≥ 0' },
    ]);
  });
});

describe('reports', () => {
  it('must be dated inside the plan period', () => {
    expect(problemsOf(withProject((p) => (p.reports[0].asOf = '2024-01-05')))).toEqual([
      { path: 'projects[0].reports[0].asOf', message: '日期必须在计划期内（2023-01-01 至 2023-12-31）' },
    ]);
  });

  it('may only report indicators the project has', () => {
    expect(problemsOf(withProject((p) => (p.reports[0].values.I7 = 1)))).toEqual([
      { path: 'projects[0].reports[0].values.I7', message: '本项目没有编号为 I7 的指标' },
    ]);
  });

  it('reports eligible counts only for entitlement indicators', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.reports[0].eligible.I1 = 20;
        p.reports[0].eligible.I8 = 1;
      }),
    );
    expect(problems).toEqual([
      {
        path: 'projects[0].reports[0].eligible.I1',
        message: '指标 I1 不是应补尽补（entitlement）类，不填应享受人数',
      },
      { path: 'projects[0].reports[0].eligible.I8', message: '本项目没有编号为 I8 的指标' },
    ]);
  });

  it('refuses values that do not fit the indicator kind', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.indicators.push({ ref: 'M', name: '建设节点', kind: 'milestone' });
        Object.assign(p.reports[0].values, { I1: '20', I2: -1, I4: 1.005, I5: 101, M: 3 });
        p.reports[0].eligible.I3 = -2;
      }),
    );
    expect(problems).toEqual([
      { path: 'projects[0].reports[0].eligible.I3', message: '必须 ≥ 0' },
      { path: 'projects[0].reports[0].values.I1', message: '必须是数字' },
      { path: 'projects[0].reports[0].values.I2', message: '必须 ≥ 0' },
      { path: 'projects[0].reports[0].values.I4', message: '金额最多两位小数（精确到分）' },
      { path: 'projects[0].reports[0].values.I5', message: '百分比应在 0–100 之间' },
      { path: 'projects[0].reports[0].values.M', message: '不能超过节点总数 2' },
    ]);
  });

  it('refuses two reports of one project on the same day', () => {
    const doc = withProject((p) => p.reports.push({ asOf: '2023-08-25', values: { I1: 19 } }));
    expect(problemsOf(doc)).toEqual([
      { path: 'projects[0].reports[1].asOf', message: '同一天（2023-08-25）已有一份进度报告（reports[0]）' },
    ]);
  });

  it('accepts reports in any order', () => {
    const doc = withProject((p) => p.reports.push({ asOf: '2023-03-31', values: { I1: 5 } }));
    expect(parsed(doc).projects[0]!.reports.map((r) => r.asOf)).toEqual(['2023-08-25', '2023-03-31']);
  });
});

describe('allocations to sub-regions (任务分解)', () => {
  it('go only to regions below the plan region', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.allocations[0].region = '410100';
        p.allocations[1].region = '140000';
        p.allocations[2].region = '1401';
      }),
    );
    expect(problems).toEqual([
      { path: 'projects[0].allocations[2].region', message: '行政区划代码应为 6、9 或 12 位 GB/T 2260 代码' },
      { path: 'projects[0].allocations[0].region', message: '必须是计划所属地区（140000）的下级行政区划' },
      {
        path: 'projects[0].allocations[1].region',
        message: '任务只能分解给下级地区，不能分解给计划所属地区本身',
      },
    ]);
  });

  it('refer to an indicator of the project, once per region', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.allocations.push({ region: '140100', indicator: 'I1', target: 2 });
        p.allocations.push({ region: '140200', indicator: 'I9', target: 2 });
      }),
    );
    expect(problems).toEqual([
      { path: 'projects[0].allocations[3]', message: '地区 140100 的指标 I1 已在 allocations[0] 中分解过' },
      { path: 'projects[0].allocations[4].indicator', message: '本项目没有编号为 I9 的指标' },
    ]);
  });

  it('need a target fitting the kind, except entitlement which takes none', () => {
    const problems = problemsOf(
      withProject((p) => {
        delete p.allocations[0].target;
        p.allocations[1].target = -3;
        p.allocations[2].target = 100;
      }),
    );
    expect(problems).toEqual([
      { path: 'projects[0].allocations[0].target', message: '缺少必填字段' },
      { path: 'projects[0].allocations[1].target', message: '必须 ≥ 0' },
      { path: 'projects[0].allocations[2].target', message: '应补尽补类指标不设固定目标，分解时不填 target' },
    ]);
  });
});

describe('every problem at once', () => {
  it('lists problems of several projects together, and nothing is returned as a plan', () => {
    const doc = parsed(henan) as unknown as RawDocument;
    doc.projects[2].indicators[1].target = -5;
    doc.projects[7].reports[0].values.I9 = 1;
    doc.projects[9].budget = '1.234';
    const result = parsePlanDocument(doc);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'projects[2].indicators[1].target', message: '必须 ≥ 0' },
        { path: 'projects[9].budget', message: '金额最多两位小数（精确到分）' },
        { path: 'projects[7].reports[0].values.I9', message: '本项目没有编号为 I9 的指标' },
      ],
    });
  });

  it('still cross-checks the rest of a project whose structure is broken in one place', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.indicators[0].target = 'twenty';
        p.indicators[4].ref = 'I2';
        p.reports[0].values.I6 = 1;
      }),
    );
    expect(problems).toEqual([
      { path: 'projects[0].indicators[0].target', message: '必须是数字' },
      { path: 'projects[0].indicators[4].ref', message: '指标编号 I2 在本项目中重复' },
      // The report still names I5, which the rename took away.
      { path: 'projects[0].reports[0].values.I5', message: '本项目没有编号为 I5 的指标' },
      { path: 'projects[0].reports[0].values.I6', message: '本项目没有编号为 I6 的指标' },
    ]);
  });

  it('still checks dates and regions against the header when another header field is broken', () => {
    const doc = withProject((p) => {
      p.milestones[0].due = '2022-06-30';
      p.allocations[0].region = '410100';
    });
    doc.format = 'minsheng.plan/v0';
    doc.title = 12;
    expect(problemsOf(doc)).toEqual([
      { path: 'format', message: 'format 必须是 "minsheng.plan/v1"' },
      { path: 'title', message: '必须是文本' },
      { path: 'projects[0].milestones[0].due', message: '日期必须在计划期内（2023-01-01 至 2023-12-31）' },
      { path: 'projects[0].allocations[0].region', message: '必须是计划所属地区（140000）的下级行政区划' },
    ]);
  });

  it('does not report values of a broken indicator as pointing nowhere', () => {
    const problems = problemsOf(withProject((p) => (p.indicators[0].target = -1)));
    expect(problems.map((p) => p.path)).toEqual(['projects[0].indicators[0].target']);
  });

  it('still checks the values of a broken indicator against its kind, when its kind reads', () => {
    const doc = withProject((p) => {
      p.indicators[0].source = '省教育厅'; // an unknown field breaks the indicator
      p.reports[0].values.I1 = -70;
      p.reports[0].eligible = { I1: 3 };
      p.allocations[0].target = -2;
    });
    expect(problemsOf(doc)).toEqual([
      {
        path: 'projects[0].indicators[0].source',
        message: '未知字段：本格式没有这个字段，请删除或检查拼写',
      },
      {
        path: 'projects[0].reports[0].eligible.I1',
        message: '指标 I1 不是应补尽补（entitlement）类，不填应享受人数',
      },
      { path: 'projects[0].reports[0].values.I1', message: '必须 ≥ 0' },
      { path: 'projects[0].allocations[0].target', message: '必须 ≥ 0' },
    ]);
  });
});

describe('what the database could not hold is refused by path, with the rest', () => {
  it('refuses counts above 10^15 and money above sixteen digits of yuan', () => {
    const doc = withProject((p) => {
      p.budget = '10000000000000000';
      p.indicators[0].target = 1e21;
      p.reports[0].values.I2 = 1e300;
    });
    expect(problemsOf(doc)).toEqual([
      { path: 'projects[0].budget', message: '金额过大（不能超过 9999999999999999.99 元）' },
      { path: 'projects[0].indicators[0].target', message: '数值过大（不能超过 1000000000000000）' },
      { path: 'projects[0].reports[0].values.I2', message: '数值过大（不能超过 1000000000000000）' },
    ]);
    expect(parsed(withProject((p) => (p.budget = '9999999999999999.99'))).projects[0]!.budget).toBe(
      '9999999999999999.99',
    );
  });

  it('refuses a NUL character in any text, naming where it is', () => {
    const doc = withProject((p) => {
      p.name = '老旧小区改造\u0000';
      p.leaders[0].name = '\u0000';
    });
    expect(problemsOf(doc)).toEqual([
      { path: 'projects[0].name', message: '不能包含空字符（\\u0000）' },
      { path: 'projects[0].leaders[0].name', message: '不能包含空字符（\\u0000）' },
    ]);
  });
});
