import { loadConfig } from '../../functions/shared/config';
import { buildCore } from '../../functions/wiring/core';
import { dreamParts, dreamReviewParts, sponsorParts, stepsParts, wechatParts } from '../../functions/wiring/parts';

describe('feature parts', () => {
  it('are shared within one core: one WeChat client (one token cache) and one sponsor repository', () => {
    const core = buildCore(loadConfig({ STAGE: 'test' }));
    expect(dreamReviewParts(core).wechat).toBe(wechatParts(core).wechat);
    expect(dreamReviewParts(core).dreams).toBe(dreamParts(core).dreams);
    expect(stepsParts(core).wechat).toBe(wechatParts(core).wechat);
    expect(stepsParts(core).sponsors).toBe(sponsorParts(core).sponsors);
    expect(wechatParts(buildCore(loadConfig({ STAGE: 'test' }))).wechat).not.toBe(wechatParts(core).wechat);
  });
});
