import { z } from 'zod';
import { isIsoDate } from '../modules/progress/schedule.rules';

/**
 * The inputs every module's routes take in the same shape, so that a plan year, a date or an id is
 * checked, and worded in Chinese, the same way everywhere.
 */

/** A region a plan year belongs to: a county or above (6 digits) or a township (9). */
export const planRegionCode = (message = '行政区划代码不正确') =>
  z.string(message).regex(/^(\d{6}|\d{9})$/, message);

export const planYear = (message = '年度应为 2000 至 2100 之间的整数') =>
  z.coerce.number(message).int(message).min(2000, message).max(2100, message);

/** `/:region/:year` of a plan year. */
export const planParams = z.object({ region: planRegionCode(), year: planYear() });

/** `/:id` of a record; the message names what the id is of. */
export const idParamsOf = (message: string) => z.object({ id: z.uuid(message) });
export const idParams = idParamsOf('编号不正确');

/** A real calendar day, YYYY-MM-DD (2023-02-30 is refused here, not deeper down). */
export const isoDate = z.string().refine(isIsoDate, '日期应为 YYYY-MM-DD 格式的真实日期');
