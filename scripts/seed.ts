import { buildContainer, type Container } from '../functions/shared/container';
import { loadConfig } from '../functions/shared/config';
import type { Role } from '../functions/domain/user';

/** Demo accounts `npm start` creates once; sign in as them on the H5 dev sign-in screen by openid. */
export const DEMO_USERS: { openid: string; nickname: string; roles: Role[]; flowers: number }[] = [
  { openid: 'demo-admin', nickname: '平台管理员', roles: ['donor', 'admin'], flowers: 0 },
  { openid: 'demo-charity', nickname: '春苗公益基金会', roles: ['donor', 'charity'], flowers: 0 },
  { openid: 'demo-merchant', nickname: '街角爱心面馆', roles: ['donor', 'merchant'], flowers: 0 },
  { openid: 'demo-donor', nickname: '小红花志愿者', roles: ['donor'], flowers: 120 },
];

/**
 * Seeds through the same domain operations as the app (flowers through the ledger move); users
 * are found by openid, so seeding twice changes nothing.
 */
export async function seedDemoData(app: Container): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    const { user, created: isNew } = await app.users.findOrCreateByOpenid(demo.openid, { nickname: demo.nickname, roles: demo.roles });
    if (!isNew) continue;
    created.push(demo.openid);
    if (demo.flowers > 0) await app.ledger.move({ userId: user.id, delta: demo.flowers, reason: 'dev_grant', refId: 'seed', note: '体验账户初始小红花' });
  }
  return created;
}

export function containerFor(endpoint: string, tableName: string): Container {
  return buildContainer(loadConfig({ STAGE: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint }));
}
