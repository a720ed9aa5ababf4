import type { AuditEntry, Role } from '../../../functions/contract'
import { ROLE_LABELS } from '../../services/auth'
import { formatMoney } from '../../utils/format'

const ACTION_LABELS: Record<AuditEntry['action'], string> = {
  'role.grant': '授予角色',
  'role.revoke': '撤销角色',
  'store.approve': '通过店铺',
  'store.reject': '驳回店铺',
  'store.suspend': '暂停店铺',
  'store.resume': '恢复店铺营业',
  'store.windup': '处理暂停店铺的爱心餐',
  'store.payout': '记录门店打款',
  'employer.register': '登记环卫单位',
  'roster.import': '导入环卫名册',
  'roster.revoke': '撤销名册登记',
  'roster.claim': '认领名册登记',
  'dream.approve': '通过梦想',
  'dream.reject': '驳回梦想',
  'sponsor.create': '新增益行家',
  'letter.retract': '撤回来信',
  'held.approve': '放行待审内容',
  'held.reject': '移除待审内容',
  'spotcheck.call': '记录抽查回访',
  'spotcheck.resolve': '处理抽查争议',
  'distribution.staff_add': '指定发放签收人员',
  'distribution.staff_remove': '移除发放签收人员',
  'question.restore': '恢复被举报的问题',
  'question.remove': '移除被举报的问题',
}

// Entries written before the reason was worded in Chinese keep their English text in the table.
const LEGACY_REASONS: Record<string, string> = { 'created with the role': '创建账号时授予' }

/** Amounts are stored in fen ("预算 20000 分"); a reader wants yuan ("预算 ¥200.00"). */
const FEN_AMOUNT = /(-?\d+) 分/g

/**
 * One audit entry as a sentence. A role entry names whose role it is: the person's nickname when
 * the console knows it (`names`, by user id), else their user id.
 */
export function auditLine(entry: AuditEntry, names: Readonly<Record<string, string>> = {}): string {
  const action = ACTION_LABELS[entry.action] || entry.action
  if (entry.action.startsWith('role.')) {
    const whose = names[entry.targetId] ?? `用户 ${entry.targetId}`
    return `${entry.actor.label} 给 ${whose} ${action}：${ROLE_LABELS[entry.detail as Role] || entry.detail}`
  }
  return `${entry.actor.label} ${action}：${entry.detail.replace(FEN_AMOUNT, (_, fen: string) => formatMoney(Number(fen)))}`
}

/** The reason as an admin reads it, in Chinese. */
export function auditReason(reason: string): string {
  return LEGACY_REASONS[reason] ?? reason
}
