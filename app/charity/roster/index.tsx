import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { getMyEmployers, importRoster, revokeWorker, type Employer } from '../../services/meals'
import { errorMessage, isApiError } from '../../services/request'
import { FIELDS } from '../../../functions/contract/fields'
import { getRosterRows, type ListedRosterRow } from './roster-api'
import RosterRows from './roster-rows'
import './index.scss'

interface Row {
  employeeNumber: string
  name: string
}

/** One row a line: "工号 姓名" (a space, a comma or a tab between them). Lines that are not that are reported. */
function parseRows(text: string): { rows: Row[]; bad: number[] } {
  const rows: Row[] = []
  const bad: number[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim()
    if (!trimmed) return
    const [employeeNumber, ...rest] = trimmed.split(/[\s,，\t]+/)
    const name = rest.join('')
    if (!employeeNumber || !name || employeeNumber.length > FIELDS.employeeNumber.max || [...name].length > FIELDS.workerName.max) bad.push(index + 1)
    else rows.push({ employeeNumber, name })
  })
  return { rows, bad }
}

/**
 * A charity (or an admin) keeps the sanitation-worker rosters of the employers registered to it:
 * imports rows, so each worker can claim their own row once, and revokes a row (its worker can no
 * longer show a meal pass). Only its own employers are offered.
 */
export default function RosterPage() {
  const [employers, setEmployers] = useState<Employer[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [employer, setEmployer] = useState('')
  const [text, setText] = useState('')
  const [importing, setImporting] = useState(false)
  const [importResult, setImportResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [revokeNumber, setRevokeNumber] = useState('')
  const [revoking, setRevoking] = useState(false)
  const [revokeResult, setRevokeResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [revokingRow, setRevokingRow] = useState<string | null>(null)
  // The rows are of the employer chosen now, even when a reload starts before the next render.
  const chosenEmployer = useRef('')
  chosenEmployer.current = employer.trim()
  const roster = usePagedList<ListedRosterRow>(async (cursor) => {
    if (!chosenEmployer.current) return { items: [], nextCursor: null }
    const page = await getRosterRows(chosenEmployer.current, cursor)
    return { ...page, items: page.items.map((row) => ({ ...row, id: row.employeeNumber })) }
  })
  const { reload: reloadRows } = roster

  const load = useCallback(async () => {
    try {
      const mine = (await getMyEmployers()).items
      setEmployers(mine)
      setLoadError('')
      setEmployer((chosen) => (mine.some((e) => e.name === chosen) ? chosen : (mine[0]?.name ?? '')))
      // A pull-down refreshes the rows too (a worker may have claimed one meanwhile).
      void reloadRows({ quiet: true })
    } catch (err) {
      setLoadError(isApiError(err, 'FORBIDDEN') ? '只有公益机构和管理员可以管理名册' : errorMessage(err, '加载失败，请下拉刷新'))
    }
  }, [reloadRows])
  usePageRefresh(load)
  useEffect(() => {
    void reloadRows({ clear: true, quiet: true })
  }, [employer, reloadRows])

  const employerOk = [...employer.trim()].length >= FIELDS.employer.min

  const doImport = async () => {
    if (importing) return
    const { rows, bad } = parseRows(text)
    if (!employerOk) return setImportResult({ ok: false, text: '请先选择环卫单位' })
    if (bad.length) return setImportResult({ ok: false, text: `第 ${bad.join('、')} 行格式不对：每行“工号 姓名”` })
    if (!rows.length) return setImportResult({ ok: false, text: '请至少填写一行“工号 姓名”' })
    if (rows.length > FIELDS.rosterRowsMax) return setImportResult({ ok: false, text: `一次最多导入 ${FIELDS.rosterRowsMax} 行` })
    setImporting(true)
    setImportResult(null)
    try {
      const answer = await importRoster({ employer: employer.trim(), rows })
      setImportResult({ ok: true, text: `已导入 ${answer.imported} 人${answer.skipped ? `，${answer.skipped} 人已在名册中（未改动）` : ''}` })
      setText('')
      await roster.reload({ quiet: true })
    } catch (err) {
      setImportResult({ ok: false, text: isApiError(err, 'FORBIDDEN') ? '这个环卫单位不在你的机构名下' : errorMessage(err, '导入失败，请稍后重试') })
    } finally {
      setImporting(false)
    }
  }

  /** Revokes one row (from the form or from its own 撤销 in the list); true when it was revoked. */
  const revokeRow = async (employeeNumber: string): Promise<boolean> => {
    setRevokeResult(null)
    try {
      const answer = await revokeWorker({ employer: employer.trim(), employeeNumber })
      setRevokeResult({ ok: true, text: `${employeeNumber} ${answer.workerId ? '已撤销，认领这条登记的用户不再是环卫工人' : '已撤销（尚无人认领）'}` })
      await roster.reload({ quiet: true })
      return true
    } catch (err) {
      const text = isApiError(err, 'NOT_FOUND')
        ? '名册里没有这个工号'
        : isApiError(err, 'FORBIDDEN')
          ? '这个环卫单位不在你的机构名下'
          : errorMessage(err, '撤销失败，请稍后重试')
      setRevokeResult({ ok: false, text })
      return false
    }
  }

  const doRevoke = async () => {
    if (revoking) return
    if (!employerOk || !revokeNumber.trim()) return setRevokeResult({ ok: false, text: '请选择单位并填写要撤销的工号' })
    setRevoking(true)
    if (await revokeRow(revokeNumber.trim())) setRevokeNumber('')
    setRevoking(false)
  }

  const revokeListed = async (employeeNumber: string) => {
    if (revokingRow) return
    // A revocation cannot be undone, so one tap in a list is asked about first.
    const { confirm } = await Taro.showModal({
      title: `撤销 ${employeeNumber}？`,
      content: '撤销后这条登记不能再被认领，认领者不再是环卫工人，不能再领爱心餐。',
      confirmText: '撤销',
      cancelText: '不撤销',
    })
    if (!confirm) return
    setRevokingRow(employeeNumber)
    await revokeRow(employeeNumber)
    setRevokingRow(null)
  }

  return (
    <View className='roster'>
      <View className='lrf-card roster-card'>
        <Text className='roster-title'>导入名册</Text>
        <Text className='lrf-muted'>环卫工人用“单位 + 工号 + 姓名”认证，每条登记只能认领一次。</Text>
        <Text className='roster-label'>单位</Text>
        {employers === null ? (
          <View className={loadError ? 'roster-problem roster-employers-error' : 'lrf-hint roster-employers-loading'}>{loadError || '加载中…'}</View>
        ) : employers.length === 0 ? (
          <View className='lrf-empty roster-employers-empty'>还没有登记到你机构名下的环卫单位，请联系管理员登记</View>
        ) : (
          <View className='roster-employers' role='radiogroup' aria-label='单位'>
            {employers.map((e) => (
              <View
                key={e.name}
                className={e.name === employer ? 'roster-employer roster-employer-chosen' : 'roster-employer'}
                role='radio'
                aria-checked={e.name === employer}
                onClick={() => setEmployer(e.name)}
              >
                {e.name}
              </View>
            ))}
          </View>
        )}
        <Text className='roster-label'>名册（每行：工号 姓名）</Text>
        <Textarea
          className='roster-rows'
          aria-label='名册，每行一个工号和姓名'
          placeholder={'NS-0001 李秀英\nNS-0002 王建国'}
          maxlength={20000}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        {importResult ? (
          <View className={importResult.ok ? 'roster-ok' : 'roster-problem'} role={importResult.ok ? 'status' : 'alert'}>
            {importResult.text}
          </View>
        ) : null}
        <Button className='lrf-button roster-import' disabled={importing || undefined} onClick={doImport}>
          {importing ? '导入中…' : '导入'}
        </Button>
      </View>

      {employerOk ? <RosterRows employer={employer.trim()} rows={roster} revoking={revokingRow} onRevoke={revokeListed} /> : null}

      <View className='lrf-card roster-card'>
        <Text className='roster-title'>撤销一条登记</Text>
        <Text className='lrf-muted'>工人离职或信息有误时撤销：这条登记不能再被认领，认领者不能再领爱心餐。</Text>
        <Text className='roster-label'>工号（单位同上）</Text>
        <Input className='roster-input roster-revoke-number' aria-label='要撤销的工号' value={revokeNumber} onInput={(e) => setRevokeNumber(e.detail.value)} />
        {revokeResult ? (
          <View className={revokeResult.ok ? 'roster-ok' : 'roster-problem'} role={revokeResult.ok ? 'status' : 'alert'}>
            {revokeResult.text}
          </View>
        ) : null}
        <Button className='lrf-button-plain roster-revoke' disabled={revoking || undefined} onClick={doRevoke}>
          {revoking ? '撤销中…' : '撤销'}
        </Button>
      </View>
    </View>
  )
}
