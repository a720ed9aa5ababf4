import { z } from 'zod';

/** API.md: text lengths count Unicode code points, not UTF-16 units. */
export function text(min: number, max: number) {
  return z
    .string()
    .max(max * 2)
    .refine((value) => {
      const length = [...value].length;
      return length >= min && length <= max;
    }, `length must be ${min}–${max} characters`);
}

/** `?limit=` (1–100, default 20) and `?cursor=` of every list. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
