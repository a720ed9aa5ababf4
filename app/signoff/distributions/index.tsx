import { useCallback, useRef, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import PageState from '../../components/page-state'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { ApiError, errorMessage } from '../../services/request'
import { createDistribution, getDreamDistributions } from '../../services/signoff'
import { checkRows, MAX_RECIPIENTS, parseRecipientsCsv, problemText, serverProblems, type ParsedRecipients, type RowProblem } from '../../services/signoff-csv'
import { chooseCsvText } from '../../services/signoff-files'
import { handOverSlips, slipsFor } from '../../services/signoff-slips'
import type { DistributionView } from '../../../functions/contract'
import { DISTRIBUTION_LIMITS } from '../../../functions/contract/signoff-code'
import './index.scss'

type Source = 'form' | 'csv'

interface FormRow {
  key: number
  name: string
  quantity: string
  village: string
}

const SHOWN_PROBLEMS = 20
const codePoints = (text: string) => Array.from(text.trim()).length

function headProblems(title: string, item: string, unit: string): string[] {
  const out: string[] = []
  const { title: t, item: i, unit: u } = DISTRIBUTION_LIMITS
  if (codePoints(title) < t.min || codePoints(title) > t.max) out.push(`发放名称应为 ${t.min}–${t.max} 个字`)
  if (codePoints(item) < i.min || codePoints(item) > i.max) out.push(`物资应为 ${i.min}–${i.max} 个字`)
  if (codePoints(unit) < u.min || codePoints(unit) > u.max) out.push(`单位应为 ${u.min}–${u.max} 个字`)
  return out
}

/** A dream's distributions, and (for its charity) a new one: who receives what, from a form or a CSV. */
export default function DistributionsPage() {
  const router = useRouter()
  const dreamId = router.params.dreamId ? decodeURIComponent(router.params.dreamId) : ''

  const [items, setItems] = useState<DistributionView[] | null>(null)
  const [loadError, setLoadError] = useState('')

  const [title, setTitle] = useState('')
  const [item, setItem] = useState('')
  const [unit, setUnit] = useState('')
  const [source, setSource] = useState<Source>('form')
  const [rows, setRows] = useState<FormRow[]>([{ key: 1, name: '', quantity: '1', village: '' }])
  const [csv, setCsv] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const [rowProblems, setRowProblems] = useState<RowProblem[]>([])
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const nextKey = useRef(2)

  const load = useCallback(async () => {
    if (!dreamId) return
    try {
      const page = await getDreamDistributions(dreamId, 50)
      setItems(page.items)
      setLoadError('')
    } catch (err) {
      setLoadError(errorMessage(err))
    }
  }, [dreamId])
  usePageRefresh(load)

  const parsed = (): ParsedRecipients =>
    source === 'csv'
      ? parseRecipientsCsv(csv)
      : checkRows(rows.map((row, index) => ({ line: index + 1, name: row.name, quantity: row.quantity, village: row.village })))

  const updateRow = (key: number, patch: Partial<FormRow>) => setRows((prev) => prev.map((row) => (row.key === key ? { ...row, ...patch } : row)))

  const pickFile = async () => {
    try {
      const text = await chooseCsvText()
      if (text === null) return
      setCsv(text)
      setSource('csv')
      const check = parseRecipientsCsv(text)
      setRowProblems(check.problems)
      Taro.showToast({ title: check.problems.length ? '文件有需要修改的行' : `已读入 ${check.recipients.length} 行`, icon: 'none' })
    } catch {
      Taro.showToast({ title: '文件读取失败，请换一个 CSV 文件', icon: 'none' })
    }
  }

  const submit = async () => {
    if (busyRef.current) return
    const head = headProblems(title, item, unit)
    const list = parsed()
    setProblems(head)
    setRowProblems(list.problems)
    if (head.length > 0 || list.problems.length > 0) return
    busyRef.current = true
    setBusy(true)
    try {
      const res = await createDistribution(dreamId, { title: title.trim(), item: item.trim(), unit: unit.trim(), recipients: list.recipients })
      handOverSlips({
        distributionId: res.distribution.id,
        dreamId,
        title: res.distribution.title,
        slips: slipsFor(list.recipients, res.codes, res.distribution.item, res.distribution.unit),
      })
      setItems((prev) => [res.distribution, ...(prev ?? [])])
      setTitle('')
      setCsv('')
      setRows([{ key: nextKey.current++, name: '', quantity: '1', village: '' }])
      await Taro.navigateTo({ url: `/signoff/slips/index?id=${encodeURIComponent(res.distribution.id)}` })
    } catch (err) {
      const fromServer = err instanceof ApiError && err.code === 'VALIDATION_FAILED' ? serverProblems(err.details, list.lines) : []
      if (fromServer.length > 0) setRowProblems(fromServer)
      else setProblems([errorMessage(err, '创建失败，请稍后重试')])
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const open = (distribution: DistributionView, page: 'timeline' | 'sign') =>
    Taro.navigateTo({ url: `/signoff/${page}/index?id=${encodeURIComponent(distribution.id)}` })

  if (!dreamId || items === null) {
    return <PageState root='distributions' missing={dreamId ? null : '没有指定梦想'} error={loadError} onRetry={load} />
  }

  return (
    <View className='distributions'>
      <View className='lrf-section-title'>发放批次</View>
      {items.length === 0 ? (
        <View className='lrf-empty distributions-empty'>
          <Text>还没有发放批次。在下面列出领取人，就能生成签收单。</Text>
        </View>
      ) : null}
      {items.map((d) => (
        <View key={d.id} className='lrf-card distribution-item'>
          <Text className='distribution-item-title'>{d.title}</Text>
          <Text className='lrf-muted distribution-item-meta'>
            {d.item} · 已签收 {d.signedQuantity}/{d.totalQuantity} {d.unit} · {d.signedCount}/{d.recipientCount} 人 ·{' '}
            {d.status === 'closed' ? '已结束' : '进行中'}
          </Text>
          <View className='distribution-item-actions'>
            <Button className='lrf-button-plain distribution-open' aria-label={`查看${d.title}的进度`} onClick={() => open(d, 'timeline')}>
              进度与管理
            </Button>
            {d.status === 'open' ? (
              <Button className='lrf-button distribution-sign' aria-label={`签收${d.title}`} onClick={() => open(d, 'sign')}>
                去签收
              </Button>
            ) : null}
          </View>
        </View>
      ))}

      <View className='lrf-section-title'>新建发放</View>
      <View className='lrf-card distribution-form'>
        <Text className='distribution-label'>发放名称</Text>
        <Input
          className='distribution-input distribution-title'
          aria-label='发放名称'
          placeholder='如：冬衣发放（第一批）'
          value={title}
          onInput={(e) => setTitle(e.detail.value)}
        />
        <View className='distribution-pair'>
          <View className='distribution-pair-item'>
            <Text className='distribution-label'>物资</Text>
            <Input
              className='distribution-input distribution-item-name'
              aria-label='物资'
              placeholder='如：羽绒服'
              value={item}
              onInput={(e) => setItem(e.detail.value)}
            />
          </View>
          <View className='distribution-pair-unit'>
            <Text className='distribution-label'>单位</Text>
            <Input className='distribution-input distribution-unit' aria-label='单位' placeholder='件' value={unit} onInput={(e) => setUnit(e.detail.value)} />
          </View>
        </View>

        <View className='distribution-tabs' role='tablist'>
          <View
            className={`distribution-tab distribution-tab-form ${source === 'form' ? 'distribution-tab-on' : ''}`}
            role='tab'
            aria-selected={source === 'form'}
            onClick={() => setSource('form')}
          >
            逐行填写
          </View>
          <View
            className={`distribution-tab distribution-tab-csv ${source === 'csv' ? 'distribution-tab-on' : ''}`}
            role='tab'
            aria-selected={source === 'csv'}
            onClick={() => setSource('csv')}
          >
            CSV 名单
          </View>
        </View>

        {source === 'form' ? (
          <View className='distribution-rows'>
            {rows.map((row, index) => (
              <View key={row.key} className='distribution-row'>
                <Input
                  className='distribution-input distribution-row-name'
                  aria-label={`第 ${index + 1} 行姓名`}
                  placeholder='姓名'
                  value={row.name}
                  onInput={(e) => updateRow(row.key, { name: e.detail.value })}
                />
                <Input
                  className='distribution-input distribution-row-quantity'
                  aria-label={`第 ${index + 1} 行数量`}
                  type='number'
                  placeholder='数量'
                  value={row.quantity}
                  onInput={(e) => updateRow(row.key, { quantity: e.detail.value })}
                />
                <Input
                  className='distribution-input distribution-row-village'
                  aria-label={`第 ${index + 1} 行村名`}
                  placeholder='村（可不填）'
                  value={row.village}
                  onInput={(e) => updateRow(row.key, { village: e.detail.value })}
                />
                <View
                  className='distribution-row-remove'
                  role='button'
                  aria-label={`删除第 ${index + 1} 行`}
                  onClick={() => setRows((prev) => (prev.length > 1 ? prev.filter((r) => r.key !== row.key) : prev))}
                >
                  ×
                </View>
              </View>
            ))}
            <Button
              className='lrf-button-plain distribution-add-row'
              onClick={() => setRows((prev) => [...prev, { key: nextKey.current++, name: '', quantity: '1', village: '' }])}
            >
              + 添加一行
            </Button>
          </View>
        ) : (
          <View className='distribution-csv'>
            <Text className='lrf-muted'>第一行写表头「姓名,数量,村」，之后每行一位领取人，最多 {MAX_RECIPIENTS} 行。可从表格软件另存为 CSV（UTF-8）。</Text>
            <Textarea
              className='distribution-csv-text'
              aria-label='粘贴 CSV 名单'
              placeholder={'姓名,数量,村\n张三丰,2,石门村'}
              maxlength={-1}
              value={csv}
              onInput={(e) => setCsv(e.detail.value)}
            />
            <Button className='lrf-button-plain distribution-csv-file' aria-label='上传 CSV 文件' onClick={pickFile}>
              {process.env.TARO_ENV === 'weapp' ? '从微信聊天选择 CSV 文件' : '上传 CSV 文件'}
            </Button>
          </View>
        )}

        {problems.length + rowProblems.length > 0 ? (
          <View className='distribution-problems' role='alert'>
            {problems.map((p) => (
              <View key={p} className='distribution-problem'>
                {p}
              </View>
            ))}
            {rowProblems.slice(0, SHOWN_PROBLEMS).map((p) => (
              <View key={`${p.line}-${p.message}`} className='distribution-problem distribution-row-problem'>
                {problemText(p)}
              </View>
            ))}
            {rowProblems.length > SHOWN_PROBLEMS ? <View className='distribution-problem'>还有 {rowProblems.length - SHOWN_PROBLEMS} 行需要修改</View> : null}
          </View>
        ) : null}

        <Button className='lrf-button distribution-create' disabled={busy || undefined} onClick={submit}>
          {busy ? '生成中…' : '生成签收单'}
        </Button>
        <Text className='lrf-muted distribution-note'>签收码只显示这一次：生成后请立即打印或下载 PDF。</Text>
      </View>
    </View>
  )
}
