import { z } from 'zod';
import type { MediaCheckPort } from '../../domain/wechat';
import { parseReply, throwOnErrcode, type HttpWechatClient } from './wechat-client';

const acceptedSchema = z.object({ trace_id: z.string().min(1) });

/**
 * security.mediaCheckAsync on the shared WeChat client (its access token): WeChat fetches the image
 * from `media_url` and pushes its verdict later (functions/uploads, POST /wechat/push). Its own
 * module, so only the function that asks (the event dispatcher) carries it.
 */
export class WechatMediaCheck implements MediaCheckPort {
  constructor(private readonly client: Pick<HttpWechatClient, 'requestWithToken'>) {}

  async checkImageAsync(input: { openid: string; mediaUrl: string }): Promise<{ traceId: string }> {
    const path = '/wxa/media_check_async';
    // media_type 2 is an image; scene 1 is a post by the person (the charity's account).
    const reply = await this.client.requestWithToken(path, { media_url: input.mediaUrl, media_type: 2, version: 2, scene: 1, openid: input.openid });
    throwOnErrcode(reply, path);
    return { traceId: parseReply(acceptedSchema, reply, path).trace_id };
  }
}
