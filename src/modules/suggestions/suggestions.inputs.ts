import { z } from 'zod';
import { isoDate, planRegionCode, planYear } from '../../server/route-inputs';
import { SUGGESTION_FIELDS } from './lexicon.rules';
import { CHANNELS, SUGGESTION_MAX_LENGTH } from './suggestion-sheet.rules';
import { charCount, cleanText, normalizePhone } from './triage.rules';

/** What residents and staff send about a suggestion, checked and worded in Chinese. */

export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => v || null);
export const fieldChoice = z
  .union([z.enum(SUGGESTION_FIELDS, '领域不正确'), z.literal('')])
  .nullish()
  .transform((v) => v || null);

/** What a resident writes: counted in characters as a person counts them, control characters dropped. */
export const suggestionText = z
  .string('请填写建议内容')
  .transform(cleanText)
  .pipe(
    z
      .string()
      .trim()
      .min(1, '请填写建议内容')
      .refine((t) => charCount(t) <= SUGGESTION_MAX_LENGTH, `建议内容不能超过 ${SUGGESTION_MAX_LENGTH} 字`),
  );
export const phoneNumber = z
  .string()
  .trim()
  .max(30, '电话号码不正确')
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const phone = normalizePhone(v);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: '电话号码不正确，请填写手机号或带区号的固定电话' });
      return z.NEVER;
    }
    return phone;
  });

export const submitBody = z.object({
  region: planRegionCode('请选择地区'),
  year: planYear('请选择年度'),
  field: fieldChoice,
  text: suggestionText,
  name: optionalText(40, '姓名不能超过 40 字'),
  phone: phoneNumber,
});

export const staffEntryBody = z.object({
  channel: z.enum(CHANNELS, '渠道不正确'),
  text: suggestionText,
  submittedAt: z.iso.datetime({ offset: true, message: '提交时间不正确' }).or(isoDate).nullish(),
  externalRef: optionalText(60, '编号不能超过 60 字'),
  name: optionalText(40, '姓名不能超过 40 字'),
  phone: phoneNumber,
  field: fieldChoice,
});
