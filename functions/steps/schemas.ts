import { z } from 'zod';

/** WeChat's `{encryptedData, iv}` from wx.getWeRunData, or (local/test only) a plain step count. */
export const stepsBody = z.union([
  z.object({ encryptedData: z.string().min(1).max(16_384), iv: z.string().min(1).max(64) }).strict(),
  z.object({ steps: z.number().int().min(0).max(10_000_000) }).strict(),
]);
