import { z } from 'zod';
import { CANDIDATE_INDICATOR_KINDS } from './drafting.rules';
import { REVIEW_DECISIONS, REVIEW_MEETINGS } from './review.rules';

/** Inputs of the candidate routes; the console's forms send exactly these. */
const names = (max: number) => z.array(z.string().max(100, '名称过长')).max(max, `最多 ${max} 项`);

export const candidateDraftSchema = z.object({
  name: z.string().trim().min(1, '请填写项目名称').max(200, '项目名称不能超过 200 字'),
  /** 领域 */
  field: z.string().trim().max(50, '领域不能超过 50 字').nullable().optional(),
  annualTask: z.string().trim().max(5000, '年度工作任务不能超过 5000 字').optional(),
  planText: z.string().trim().max(10000, '推进计划不能超过 10000 字').optional(),
  leadUnitId: z.uuid('请选择牵头单位'),
  partnerUnits: names(30).optional(),
  implementerUnits: names(30).optional(),
  countyLeaders: names(10).optional(),
  responsibleLeaders: names(10).optional(),
  supervisingLeaders: names(10).optional(),
  contacts: z
    .array(
      z.object({
        name: z.string().trim().min(1, '请填写责任人姓名').max(50, '姓名过长'),
        phone: z
          .string()
          .trim()
          .regex(/^[0-9+\- ]{5,20}$/, '联系电话格式不正确')
          .nullable()
          .optional(),
      }),
    )
    .max(10, '责任人最多 10 位')
    .optional(),
  /** 需财政投入资金（初步估算）, yuan. */
  budget: z
    .string()
    .trim()
    .regex(/^\d{1,14}(\.\d{1,2})?$/, '资金应以元为单位填写，最多两位小数')
    .nullable()
    .optional(),
  remarks: z.string().trim().max(2000, '备注不能超过 2000 字').optional(),
  indicators: z
    .array(
      z.object({
        name: z.string().max(100, '指标名称过长'),
        unit: z.string().max(20, '计量单位过长').nullable().optional(),
        kind: z.enum(CANDIDATE_INDICATOR_KINDS, '请选择指标类型'),
        target: z
          .union([z.number(), z.string().max(30)])
          .nullable()
          .optional(),
      }),
    )
    .max(20, '指标最多 20 个')
    .optional(),
  /** The suggestion groups (群众建议) the candidate answers. */
  suggestionGroupIds: z.array(z.uuid('建议组编号不正确')).max(50).optional(),
});
export type CandidateDraftInput = z.infer<typeof candidateDraftSchema>;

export const candidatePatchSchema = candidateDraftSchema.partial();
export type CandidatePatchInput = z.infer<typeof candidatePatchSchema>;

export const criteriaSchema = z.object({
  criteria: z
    .array(
      z.object({
        name: z.string().trim().min(1, '请填写评分标准名称').max(20, '名称不能超过 20 字'),
        weight: z.number('权重应为数字'),
      }),
    )
    .min(1, '至少需要一项评分标准')
    .max(8, '评分标准最多 8 项'),
});

export const scoresSchema = z.object({
  /** Criterion name → score 0–100 (one decimal), null to clear. */
  scores: z.record(z.string().max(20), z.number('得分应为数字').nullable()),
});

export const shortlistSchema = z.object({ shortlisted: z.boolean() });

export const reviewSchema = z.object({
  meeting: z.enum(REVIEW_MEETINGS, '请选择会议'),
  heldOn: z.iso.date('日期应为 YYYY-MM-DD'),
  decision: z.enum(REVIEW_DECISIONS, '请选择研究结果'),
  note: z.string().trim().max(2000, '说明不能超过 2000 字').optional(),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const EXPORT_FORMATS = ['xlsx', 'docx'] as const;
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, '格式应为 xlsx 或 docx'),
  /** list: the shortlist (入围清单); all: every candidate drafted. */
  scope: z.enum(['list', 'all']).default('list'),
});
