import type { Role } from '../../../functions/contract'

/** An account that `npm start` seeds, offered as a one-tap choice on the H5 dev sign-in screen. */
export interface DemoAccount {
  openid: string
  nickname: string
  roles: Role[]
}

/**
 * The demo accounts of the local seed, with their roles. The tap sends the account's own roles so
 * it signs in as what it was seeded as; the seed's list is the source, and a unit test keeps this
 * copy equal to it (the app cannot import the seed script).
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { openid: 'demo-admin', nickname: '平台管理员', roles: ['donor', 'admin'] },
  { openid: 'demo-charity', nickname: '春苗公益基金会', roles: ['donor', 'charity'] },
  { openid: 'demo-merchant', nickname: '街角爱心面馆', roles: ['donor', 'merchant'] },
  { openid: 'demo-donor', nickname: '小红花志愿者', roles: ['donor'] },
]
