import type { SubscribeMessageInput, WechatMessagingPort } from '../../domain/wechat';
import { throwOnErrcode, WechatApiError, type HttpWechatClient, type MiniprogramState } from './wechat-client';

/** 43101: the user refused, or already used up, the one-time subscription for this template. */
export class SubscriptionMissingError extends WechatApiError {}

const ERRCODE_SUBSCRIPTION_MISSING = 43101;

/**
 * Subscribe messages (`cgi-bin/message/subscribe/send`) on the shared WeChat client (its access
 * token). Its own module, so only the functions that send (the fan-out) carry it.
 */
export class WechatSubscribeMessages implements WechatMessagingPort {
  constructor(
    private readonly client: Pick<HttpWechatClient, 'requestWithToken'>,
    /** Which version of the mini-program a message opens; WeChat defaults to formal. */
    private readonly miniprogramState: MiniprogramState = 'formal',
  ) {}

  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<void> {
    const path = '/cgi-bin/message/subscribe/send';
    const reply = await this.client.requestWithToken(path, {
      touser: input.toOpenid,
      template_id: input.templateId,
      page: input.page,
      data: input.data,
      miniprogram_state: this.miniprogramState,
    });
    if (reply.errcode === ERRCODE_SUBSCRIPTION_MISSING) {
      throw new SubscriptionMissingError(reply.errcode, reply.errmsg ?? '', path);
    }
    throwOnErrcode(reply, path);
  }
}
