import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import henan from './henan-2023.plan.fixture.json';
import {
  type PlanDocument,
  parsePlanDocument,
  planDocumentSchema,
  serializePlanDocument,
  stringifyPlanDocument,
} from './plan-format.schema';
import { formatProblem, type Problem } from './problems.rules';
import shanxiExample from './shanxi-2023.plan.fixture.json';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit raw JSON documents freely, as a clerk would.
type RawDocument = Record<string, any>;

/** The spec's own example (a 山西 project with one indicator of each main kind), fully filled in. */
const shanxi = (): RawDocument => structuredClone(shanxiExample);

function parsed(doc: unknown): PlanDocument {
  const result = parsePlanDocument(doc);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.plan;
}

function problemsOf(doc: unknown): Problem[] {
  const result = parsePlanDocument(doc);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

function withProject(change: (p: RawDocument) => void): RawDocument {
  const doc = shanxi();
  change(doc.projects[0]);
  return doc;
}

describe('reading a plan document', () => {
  it('reads the Henan 2023 plan of ten projects (seed 002)', () => {
    const plan = parsed(henan);
    expect(plan.region).toEqual({ code: '410000', name: '河南省' });
    expect(plan.projects).toHaveLength(10);
    expect(plan.projects[0]!.indicators.map((i) => i.name)).toEqual([
      '职业技能培训',
      '新增取得职业资格、职业技能等级等证书的技能人才',
      '新增高技能人才',
    ]);
  });

  it('fills in the calendar year when the period is left out, and empty lists', () => {
    const plan = parsed(henan);
    expect(plan.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(plan.projects[1]).toMatchObject({
      leadUnits: [],
      partnerUnits: [],
      leaders: [],
      milestones: [],
      allocations: [],
    });
  });

  it('reads every field of the spec example', () => {
    const p = parsed(shanxi()).projects[0]!;
    expect(p.leaders).toEqual([
      { role: '责任人', name: '张三', phone: '13800000000' },
      { role: '分管领导', name: '李四' },
    ]);
    expect(p.indicators[2]).toEqual({ ref: 'I3', name: '资助残疾人大学生', unit: '人', kind: 'entitlement' });
    expect(p.reports[0]!.eligible).toEqual({ I3: 5806 });
    expect(p.reports[0]!.text).toBe('示范县全部建成投用');
  });

  it('writes money as exact yuan strings, whether given as text or as a JSON number', () => {
    const p = parsed(shanxi()).projects[0]!;
    expect(p.budget).toBe('10000000.00');
    expect(p.indicators[3]).toMatchObject({ target: '100000000.00' });
    expect(p.milestones.map((m) => m.investment)).toEqual(['500000.00', '9500000.00']);
    expect(p.milestones.map((m) => m.planned.I4)).toEqual(['20000000.00', '100000000.00']);
    expect(p.reports[0]).toMatchObject({ investment: '8000000.00', fundsArrived: '9000000.50' });
    expect(p.reports[0]!.values.I4).toBe('123000000.00');
    expect(p.allocations[1]).toEqual({ region: '140100', indicator: 'I4', target: '12.50' });
  });

  it('keeps an entitlement allocation without a target', () => {
    expect(parsed(shanxi()).projects[0]!.allocations[2]).toEqual({ region: '140105', indicator: 'I3' });
  });

  it('accepts a milestone-only indicator measured by the milestones reached', () => {
    const plan = parsed(
      withProject((p) => {
        p.indicators.push({ ref: 'M', name: '示范县建设', kind: 'milestone' });
        p.reports[0].values.M = 1;
      }),
    );
    expect(plan.projects[0]!.reports[0]!.values.M).toBe(1);
  });
});

describe('writing a plan document back', () => {
  it('gives back exactly what was read: parse(serialize(parse(x))) = parse(x)', () => {
    for (const doc of [henan, shanxi()]) {
      const once = parsed(doc);
      expect(parsed(serializePlanDocument(once))).toEqual(once);
    }
  });

  it('is canonical: the same text however the input was ordered or written', () => {
    const doc = shanxi();
    const reordered = {
      projects: doc.projects.map((p: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(p).reverse()),
      ),
      year: doc.year,
      region: { name: '山西省', code: '140000' },
      period: doc.period,
      title: doc.title,
      format: doc.format,
    };
    reordered.projects[0]!.budget = 10000000;
    expect(stringifyPlanDocument(parsed(reordered))).toBe(stringifyPlanDocument(parsed(doc)));
  });

  it('writes keys in the order of the spec and ends the text with a newline', () => {
    const text = stringifyPlanDocument(parsed(shanxi()));
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'region',
      'year',
      'title',
      'period',
      'projects',
    ]);
    expect(Object.keys(JSON.parse(text).projects[0])).toEqual([
      'ref',
      'name',
      'field',
      'task',
      'planText',
      'leadUnits',
      'partnerUnits',
      'leaders',
      'budget',
      'indicators',
      'milestones',
      'reports',
      'allocations',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('leaves absent optional fields out rather than writing null', () => {
    const text = stringifyPlanDocument(parsed(henan));
    expect(text).not.toContain('null');
    expect(JSON.parse(text).projects[0]).not.toHaveProperty('budget');
  });

  it('does not share objects with the plan it was given', () => {
    const plan = parsed(shanxi());
    const doc = serializePlanDocument(plan);
    doc.projects[0]!.reports[0]!.values.I1 = 0;
    expect(plan.projects[0]!.reports[0]!.values.I1).toBe(20);
  });
});

describe('refusing a bad document, with every problem by path', () => {
  it('names the path and a Chinese message: projects[0].indicators[0].target: 必须 ≥ 0', () => {
    const problems = problemsOf(withProject((p) => (p.indicators[0].target = -1)));
    expect(problems.map(formatProblem)).toEqual(['projects[0].indicators[0].target: 必须 ≥ 0']);
  });

  it('refuses something that is not a JSON object at all', () => {
    for (const doc of [null, [], 'plan', 42]) {
      expect(problemsOf(doc)).toEqual([{ path: '', message: '必须是对象' }]);
    }
  });

  it('refuses a wrong or missing format string', () => {
    const doc = shanxi();
    doc.format = 'minsheng.plan/v2';
    expect(problemsOf(doc)).toEqual([{ path: 'format', message: 'format 必须是 "minsheng.plan/v1"' }]);
    delete doc.format;
    expect(problemsOf(doc)).toEqual([{ path: 'format', message: 'format 必须是 "minsheng.plan/v1"' }]);
  });

  it('refuses a region code that is not a GB/T 2260 code, and an empty region name', () => {
    const doc = shanxi();
    doc.region = { code: '14000', name: ' ' };
    expect(problemsOf(doc)).toEqual([
      { path: 'region.code', message: '行政区划代码应为 6、9 或 12 位 GB/T 2260 代码' },
      { path: 'region.name', message: '不能为空' },
    ]);
  });

  it('refuses a year that is not a whole year of this era', () => {
    for (const [year, message] of [
      [2023.5, '必须是整数'],
      [1999, '必须 ≥ 2000'],
      ['2023', '必须是数字'],
    ] as const) {
      const doc = shanxi();
      doc.year = year;
      expect(problemsOf(doc)).toContainEqual({ path: 'year', message });
    }
  });

  it('refuses a period that ends before it starts or is not made of dates', () => {
    const doc = shanxi();
    doc.period = { start: '2023-12-31', end: '2023-01-01' };
    expect(problemsOf(doc)).toContainEqual({ path: 'period', message: '计划期的开始日期不能晚于结束日期' });
    doc.period = { start: '2023-02-30', end: '2023-12-31' };
    expect(problemsOf(doc)).toEqual([
      { path: 'period.start', message: '日期应为 YYYY-MM-DD 格式的真实日期' },
    ]);
  });

  it('refuses missing required fields', () => {
    const doc = shanxi();
    delete doc.projects;
    delete doc.projects;
    expect(problemsOf(doc)).toEqual([{ path: 'projects', message: '缺少必填字段' }]);
    const p = withProject((x) => {
      delete x.name;
      delete x.indicators[0].kind;
    });
    expect(problemsOf(p)).toEqual([
      { path: 'projects[0].name', message: '缺少必填字段' },
      { path: 'projects[0].indicators[0].kind', message: '缺少必填字段' },
    ]);
  });

  it('refuses an unknown indicator kind, listing the kinds there are', () => {
    const problems = problemsOf(withProject((p) => (p.indicators[0].kind = 'number')));
    expect(problems).toEqual([
      {
        path: 'projects[0].indicators[0].kind',
        message: '必须是 count、coverage、amount、entitlement、percent、milestone 之一',
      },
    ]);
  });
});

describe('unknown fields are refused, never dropped', () => {
  const unknown = (path: string) => ({ path, message: '未知字段：本格式没有这个字段，请删除或检查拼写' });

  it('at every level of the document', () => {
    const doc = shanxi();
    doc.version = 2;
    doc.region.level = 'province';
    doc.period.days = 365;
    const p = doc.projects[0];
    p.owner = '省发改委';
    p.leaders[0].email = 'a@b.cn';
    p.indicators[0].weight = 1;
    p.milestones[0].done = true;
    p.reports[0].photos = [];
    p.allocations[0].note = '';
    expect(problemsOf(doc)).toEqual(
      expect.arrayContaining([
        unknown('version'),
        unknown('region.level'),
        unknown('period.days'),
        unknown('projects[0].owner'),
        unknown('projects[0].leaders[0].email'),
        unknown('projects[0].indicators[0].weight'),
        unknown('projects[0].milestones[0].done'),
        unknown('projects[0].reports[0].photos'),
        unknown('projects[0].allocations[0].note'),
      ]),
    );
    expect(problemsOf(doc)).toHaveLength(9);
  });

  it('names a field with an unusual key readably', () => {
    const doc = shanxi();
    doc.备注 = '';
    expect(problemsOf(doc)).toEqual([unknown('["备注"]')]);
  });
});

describe('money', () => {
  it.each([
    ['12.345', '金额最多两位小数（精确到分）'],
    [12.345, '金额最多两位小数（精确到分）'],
    ['1000万', '金额应为以元为单位的数字，如 "10000000.00"'],
    ['', '金额应为以元为单位的数字，如 "10000000.00"'],
    [1e21, '金额应为以元为单位的数字，如 "10000000.00"'],
    ['-5', '必须 ≥ 0'],
    [-0.5, '必须 ≥ 0'],
  ])('refuses %j as a budget: %s', (budget, message) => {
    expect(problemsOf(withProject((p) => (p.budget = budget)))).toEqual([
      { path: 'projects[0].budget', message },
    ]);
  });

  it('accepts yuan with one decimal, none, or surrounding spaces', () => {
    for (const [budget, yuan] of [
      ['1000.5', '1000.50'],
      [' 1000 ', '1000.00'],
      [0, '0.00'],
    ] as const) {
      expect(parsed(withProject((p) => (p.budget = budget))).projects[0]!.budget).toBe(yuan);
    }
  });

  it('refuses an amount indicator target of zero', () => {
    expect(problemsOf(withProject((p) => (p.indicators[3].target = '0')))).toEqual([
      { path: 'projects[0].indicators[3].target', message: '目标值必须大于 0' },
    ]);
  });
});

describe('indicators and their kinds', () => {
  it('refuses a count or coverage target of zero, or none', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.indicators[0].target = 0;
        delete p.indicators[1].target;
      }),
    );
    expect(problems).toEqual([
      { path: 'projects[0].indicators[0].target', message: '目标值必须大于 0' },
      { path: 'projects[0].indicators[1].target', message: '缺少必填字段' },
    ]);
  });

  it('refuses a fixed target on an entitlement indicator, pointing to eligible', () => {
    expect(problemsOf(withProject((p) => (p.indicators[2].target = 5806)))).toEqual([
      {
        path: 'projects[0].indicators[2].target',
        message: '应补尽补类指标不设固定目标：应享受人数在进度报告的 eligible 中填写',
      },
    ]);
  });

  it('refuses a percent target above 100', () => {
    expect(problemsOf(withProject((p) => (p.indicators[4].target = 120)))).toEqual([
      { path: 'projects[0].indicators[4].target', message: '百分比应在 0–100 之间' },
    ]);
  });

  it('refuses a milestone indicator with neither a target nor milestones to count', () => {
    const problems = problemsOf(
      withProject((p) => {
        p.milestones = [];
        p.indicators.push({ ref: 'M', name: '零工市场建设', kind: 'milestone' });
      }),
    );
    expect(problems).toEqual([
      {
        path: 'projects[0].indicators[5]',
        message: '节点类指标需要填写目标节点数（target），或在 milestones 中列出推进节点',
      },
    ]);
  });

  it('refuses a fractional number of milestones', () => {
    expect(
      problemsOf(
        withProject((p) => p.indicators.push({ ref: 'M', name: '建设', kind: 'milestone', target: 2.5 })),
      ),
    ).toEqual([{ path: 'projects[0].indicators[5].target', message: '节点数必须是整数' }]);
  });

  it('refuses two indicators with one ref in a project, but allows the same ref in two projects', () => {
    const doc = withProject((p) => (p.indicators[1].ref = 'I1'));
    expect(problemsOf(doc)).toContainEqual({
      path: 'projects[0].indicators[1].ref',
      message: '指标编号 I1 在本项目中重复',
    });
    expect(parsed(henan).projects.every((p) => p.indicators[0]!.ref === 'I1')).toBe(true);
  });

  it('refuses two projects with one ref', () => {
    const doc = shanxi();
    doc.projects.push({ ...shanxi().projects[0], name: '另一件' });
    expect(problemsOf(doc)).toEqual([
      { path: 'projects[1].ref', message: '项目编号 P01 重复（与 projects[0] 相同）' },
    ]);
  });
});

describe('the schema as JSON Schema', () => {
  it('converts for OpenAPI (draft-7), describing the accepted input', () => {
    const schema = z.toJSONSchema(planDocumentSchema, { target: 'draft-7', io: 'input' }) as RawDocument;
    expect(schema.required).toEqual(['format', 'region', 'year', 'projects']);
    expect(schema.additionalProperties).toBe(false);
  });
});
