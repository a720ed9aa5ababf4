import type { StepsInput } from '../contract/earning';
import { BadInputError, ValidationError } from '../domain/errors';
import { stepsOfDay } from '../domain/steps';
import { OpenDataRefused, type OpenDataPort } from '../domain/wechat';

/**
 * Today's steps from what the client sent: WeChat's encrypted WeRun data, decrypted with the
 * user's stored session_key and checked against our app id; or, in local/test stages only, a
 * plain number (H5 has no WeRun).
 */
export async function resolveTodaysSteps(
  deps: { sessionKey: (userId: string) => Promise<string | null>; openData: OpenDataPort; zone: string; allowPlainSteps: boolean },
  userId: string,
  day: string,
  input: StepsInput,
): Promise<number> {
  if ('steps' in input) {
    if (!deps.allowPlainSteps) throw new ValidationError('请通过微信运动授权捐步', [{ in: 'body', path: ['steps'], message: 'only in local and test stages' }]);
    return input.steps;
  }
  const sessionKey = await deps.sessionKey(userId);
  if (!sessionKey) throw new BadInputError('INVALID_WERUN_DATA', '微信运动数据无法解密，请重新登录后再试');
  try {
    const data = deps.openData.decrypt<{ stepInfoList?: unknown }>({ sessionKey, encryptedData: input.encryptedData, iv: input.iv });
    return stepsOfDay(data.stepInfoList, day, deps.zone);
  } catch (err) {
    if (err instanceof OpenDataRefused) throw new BadInputError('INVALID_WERUN_DATA', '微信运动数据无效或已过期，请重新登录后再试');
    throw err;
  }
}
