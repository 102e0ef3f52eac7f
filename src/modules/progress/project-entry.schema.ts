import { z } from 'zod';
import { INDICATOR_KINDS } from './indicator.rules';
import { yuanProblem } from './plan-format.schema';

/**
 * The body of POST /api/plan-years/:region/:year/projects and PUT /api/projects/:id: a project typed
 * in by hand, as the console's form sends it. Shapes and bounds are checked here, each with its
 * Chinese message on its own field; what depends on the plan year (dates inside the period, planned
 * values fitting their indicator, units of the region) is checked by the use case.
 */
const optionalText = (max: number, what: string) =>
  z.string(`${what}应为文本`).trim().max(max, `${what}不能超过 ${max} 字`).nullish();

/** Yuan, exact: a decimal string or a number, at most two decimals, never negative; '' for none. */
const yuan = z
  .union([z.number(), z.string().trim().max(20, '金额过大')], '请输入以元为单位的数字')
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === '') return null;
    const problem = yuanProblem(value);
    if (problem) {
      ctx.issues.push({
        code: 'custom',
        message: problem === '必须 ≥ 0' ? '金额不能为负数' : problem,
        input: value,
      });
      return z.NEVER;
    }
    return String(value).trim();
  });

/** A target or planned value as typed: numbers for counts, yuan text for amounts; '' or null for none. */
const quantityText = z.union([z.number(), z.string().trim().max(30, '数值过长')], '请输入数字').nullish();

const ref = (what: string) =>
  z
    .string(`${what}编号应为文本`)
    .trim()
    .max(16, `${what}编号不能超过 16 个字符`)
    .regex(/^[A-Za-z0-9_-]*$/, `${what}编号只能用字母、数字、- 和 _`)
    .optional();

export const projectEntryIndicatorSchema = z.object(
  {
    /** Kept when editing (reports refer to it); a new indicator gets the next free I1, I2 … */
    ref: ref('指标'),
    name: z.string('请填写指标名称').trim().min(1, '请填写指标名称').max(100, '指标名称不能超过 100 字'),
    unit: optionalText(20, '计量单位'),
    kind: z.enum(INDICATOR_KINDS, '请选择指标类型'),
    target: quantityText,
  },
  '指标内容不正确',
);

export const projectEntryMilestoneSchema = z.object(
  {
    due: z.iso.date('日期应为 YYYY-MM-DD'),
    text: optionalText(500, '节点内容'),
    /** Planned cumulative values due by then, by indicator ref; empty for an indicator not planned. */
    planned: z
      .record(z.string().max(16, '指标编号不能超过 16 个字符'), quantityText, '计划值应按指标填写')
      .default({}),
    /** Investment planned for this step, yuan (the steps add up to the whole). */
    investment: yuan,
  },
  '节点内容不正确',
);

export const projectEntrySchema = z.object(
  {
    /** Empty: the next free P01, P02 … of the plan year. */
    ref: ref('项目'),
    name: z.string('请填写项目名称').trim().min(1, '请填写项目名称').max(200, '项目名称不能超过 200 字'),
    /** 领域 */
    field: optionalText(50, '领域'),
    /** 年度工作任务 */
    task: optionalText(5000, '年度工作任务'),
    /** 推进计划 as written */
    planText: optionalText(10000, '推进计划'),
    leadUnitIds: z
      .array(z.uuid('请选择牵头单位'), '请选择牵头单位')
      .min(1, '请选择牵头单位')
      .max(10, '牵头单位最多 10 个'),
    partnerUnitIds: z
      .array(z.uuid('请选择配合单位'), '请选择配合单位')
      .max(30, '配合单位最多 30 个')
      .default([]),
    /** 责任领导 and 责任人, in the order the plan lists them. */
    leaders: z
      .array(
        z.object(
          {
            role: z
              .string('请填写职务（如 责任领导、责任人）')
              .trim()
              .min(1, '请填写职务（如 责任领导、责任人）')
              .max(30, '职务不能超过 30 字'),
            name: z.string('请填写姓名').trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 字'),
            phone: z
              .string('联系电话格式不正确')
              .trim()
              .regex(/^([0-9+\- ]{5,20})?$/, '联系电话格式不正确')
              .nullish(),
          },
          '领导内容不正确',
        ),
        '领导应为列表',
      )
      .max(20, '领导和责任人最多 20 位')
      .default([]),
    budget: yuan,
    indicators: z.array(projectEntryIndicatorSchema, '指标应为列表').max(30, '指标最多 30 个').default([]),
    milestones: z.array(projectEntryMilestoneSchema, '节点应为列表').max(36, '节点最多 36 个').default([]),
  },
  '请以 JSON 对象提交项目内容',
);

export type ProjectEntryInput = z.output<typeof projectEntrySchema>;
/** What the form sends (before defaults and the yuan check). */
export type ProjectEntryBody = z.input<typeof projectEntrySchema>;
