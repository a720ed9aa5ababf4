import { routeTable } from '../shared/route-table';
import { handler as requestUpload } from './request-handler';
import { handler as uploadFile } from './file-handler';
import { handler as wechatPush } from './push-handler';
import { handler as wechatPushCheck } from './push-check-handler';

/** The `uploads` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /uploads': requestUpload,
  'POST /uploads/{id}/file': uploadFile,
  'POST /wechat/push': wechatPush,
  'GET /wechat/push': wechatPushCheck,
});
