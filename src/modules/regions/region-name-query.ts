import { z } from 'zod';

/**
 * `?q=` of the public lists of plan years: part of a region's name, or of its parent's. A country has
 * thousands of counties and a list stops at 200, so a resident finds theirs by name.
 */
export const regionNameQuery = z.object({
  q: z
    .string()
    .trim()
    .max(20, '地区名称不能超过 20 字')
    .optional()
    .transform((q) => q || undefined),
});
