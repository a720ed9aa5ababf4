import { useCallback, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { useRoleGate } from '../../hooks/use-role-gate'
import { changeRole, findPerson, getAuditTrail } from '../../services/admin-api'
import type { AuditEntry, GrantableRole, Person } from '../../../functions/contract'
import { ROLE_LABELS, getStoredUser } from '../../services/auth'
import { errorMessage, isApiError, toastError } from '../../services/request'
import { formatShanghaiTime } from '../../utils/format'
import { GRANTABLE_ROLES } from '../../../functions/contract/enums'
import { FIELDS, textProblem } from '../../../functions/contract/fields'
import { auditLine, auditReason } from './audit-line'
import '../admin.scss'

const REASON = FIELDS.reason
// User ids are ULIDs; anything else is taken as an openid.
const USER_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/

export default function PeoplePage() {
  const gate = useRoleGate('admin')
  const [query, setQuery] = useState('')
  const [person, setPerson] = useState<Person | null>(null)
  const [searching, setSearching] = useState(false)
  const [searchError, setSearchError] = useState('')
  const [reason, setReason] = useState('')
  const [busyRole, setBusyRole] = useState<GrantableRole | null>(null)
  // The trail reloads right after a search sets the person, before React renders again: a ref, not
  // the rendered state, says whose entries to ask for, so the first page is already only theirs.
  const shownPersonId = useRef<string | null>(null)
  const trail = usePagedList<AuditEntry>((cursor) => getAuditTrail({ personId: shownPersonId.current }, cursor, 20))
  const me = getStoredUser()

  const { check } = gate
  const { reload: reloadTrail } = trail
  const refresh = useCallback(async () => {
    if (await check()) await reloadTrail({ quiet: true })
  }, [check, reloadTrail])
  usePageRefresh(refresh)

  const search = async () => {
    const text = query.trim()
    if (!text) {
      setSearchError('请输入 openid 或用户编号')
      return
    }
    setSearching(true)
    setSearchError('')
    try {
      const { user } = await findPerson(USER_ID.test(text) ? { userId: text } : { openid: text })
      shownPersonId.current = user.id
      setPerson(user)
      await trail.reload({ clear: true, quiet: true })
    } catch (err) {
      shownPersonId.current = null
      setPerson(null)
      await trail.reload({ clear: true, quiet: true })
      setSearchError(isApiError(err, 'NOT_FOUND') ? '没有找到这个人，请确认 openid 或用户编号' : errorMessage(err))
    } finally {
      setSearching(false)
    }
  }

  const toggle = async (role: GrantableRole) => {
    if (!person || busyRole) return
    const why = reason.trim()
    if (textProblem(why, REASON)) {
      setSearchError(`请填写原因（${REASON.min}–${REASON.max} 个字），它会记入操作记录`)
      return
    }
    const action = person.roles.includes(role) ? 'revoke' : 'grant'
    setBusyRole(role)
    setSearchError('')
    try {
      const { user } = await changeRole(person.id, { role, action, reason: why })
      setPerson(user)
      setReason('')
      Taro.showToast({ title: action === 'grant' ? `已授予${ROLE_LABELS[role]}` : `已撤销${ROLE_LABELS[role]}`, icon: 'success' })
      await trail.reload({ quiet: true })
    } catch (err) {
      setSearchError(errorMessage(err))
      toastError(err)
    } finally {
      setBusyRole(null)
    }
  }

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>人员与角色</Text>
        <Text className='admin-desc'>按 openid 或用户编号找到一个人，授予或撤销商家、公益机构、环卫工人和管理员身份。每次操作都会记入操作记录。</Text>
      </View>

      <View className='lrf-card people-search'>
        <Input
          className='review-input people-query'
          type='text'
          placeholder='openid 或用户编号'
          aria-label='openid 或用户编号'
          value={query}
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={search}
        />
        <Button className='lrf-button people-search-submit' loading={searching} disabled={searching || undefined} onClick={search}>
          查找
        </Button>
        {searchError ? <View className='review-error people-error'>{searchError}</View> : null}
      </View>

      {person ? (
        <View className='lrf-card people-person'>
          <Text className='review-title people-nickname'>{person.nickname}</Text>
          <Text className='lrf-muted people-ids'>
            用户编号 {person.id} · openid {person.openid}
          </Text>
          <View className='people-roles'>
            {person.roles.map((role) => (
              <Text key={role} className={`people-role people-role-${role}`}>
                {ROLE_LABELS[role] || role}
              </Text>
            ))}
          </View>
          <Input
            className='review-input people-reason'
            type='text'
            placeholder='原因（必填，例如：机构资质已核验）'
            aria-label='原因'
            maxlength={REASON.max * 2}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='people-actions'>
            {GRANTABLE_ROLES.map((role) => {
              const has = person.roles.includes(role)
              const own = role === 'admin' && has && person.id === me?.id
              return (
                <Button
                  key={role}
                  className={`${has ? 'lrf-button-plain' : 'lrf-button'} people-toggle people-${has ? 'revoke' : 'grant'}-${role}`}
                  disabled={Boolean(busyRole) || own || undefined}
                  aria-label={`${has ? '撤销' : '授予'}${ROLE_LABELS[role]}`}
                  onClick={() => toggle(role)}
                >
                  {busyRole === role ? '处理中…' : `${has ? '撤销' : '授予'}${ROLE_LABELS[role]}`}
                </Button>
              )
            })}
          </View>
          {person.id === me?.id ? <Text className='lrf-muted'>不能撤销自己的管理员身份，请另一位管理员操作。</Text> : null}
        </View>
      ) : null}

      <View className='lrf-section-title'>{person ? `${person.nickname} 的操作记录` : '全部操作记录'}</View>
      {trail.loaded && trail.items.length === 0 ? (
        <View className='lrf-empty audit-empty'>
          <Text>还没有操作记录</Text>
        </View>
      ) : null}
      {trail.items.map((entry) => (
        <View key={entry.id} className='lrf-card audit-item'>
          <Text className='audit-line'>{auditLine(entry, person ? { [person.id]: person.nickname } : {})}</Text>
          {entry.reason ? <Text className='lrf-muted audit-reason'>原因：{auditReason(entry.reason)}</Text> : null}
          <Text className='lrf-muted audit-time'>{formatShanghaiTime(entry.at)}</Text>
        </View>
      ))}
      <ListFooter prefix='audit' list={trail} end />
    </View>
  )
}
