import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { StatementTotals } from '../../../functions/contract/statement-rule'
import { FIELDS } from '../../../functions/contract/fields'
import { formatMoney } from '../../utils/format'
import PhotoPicker from '../photo-picker'
import { dreamDistributions, type DreamDistribution } from '../../services/dream-distributions'
import DistributionPicker from './distribution-picker'
import { newLine, type DraftLine, type StatementDraft } from './draft'
import './index.scss'

export interface StatementEditorProps {
  draft: StatementDraft
  /** Updates as functions of the latest draft: a receipt's upload ends after other edits. */
  onChange: (update: (draft: StatementDraft) => StatementDraft) => void
  /** The draft's figures by the contract's statement rule (the page sends these too). */
  totals: StatementTotals
  /** The opening balance is the last published letter's closing (else the dream's matched money). */
  opensFromLetter: boolean
  uploading: boolean
  onUploadingChange: (uploading: boolean) => void
  /** The dream written about: a line may cite one of its distributions. */
  dreamId?: string
}

/** The dream's distributions a line may cite; none (and no picker) when it has none or they cannot load. */
function useDreamDistributions(dreamId: string | undefined): DreamDistribution[] {
  const [distributions, setDistributions] = useState<DreamDistribution[]>([])
  useEffect(() => {
    if (!dreamId) return
    let live = true
    dreamDistributions(dreamId)
      .then((items) => live && setDistributions(items))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [dreamId])
  return distributions
}

/** A monthly letter's statement: its period, its line items with receipt photos, and its totals. */
export default function StatementEditor({ draft, onChange, totals, opensFromLetter, uploading, onUploadingChange, dreamId }: StatementEditorProps) {
  const distributions = useDreamDistributions(dreamId)
  const setLine = (key: number, patch: Partial<DraftLine>) => onChange((d) => ({ ...d, lines: d.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }))

  return (
    <View className='composer-statement'>
      <Text className='composer-label'>本期起止</Text>
      <View className='composer-period'>
        <Input
          className='composer-input composer-period-start'
          aria-label='本期开始日期'
          value={draft.periodStart}
          onInput={(e) => onChange((d) => ({ ...d, periodStart: e.detail.value }))}
        />
        <Text className='composer-period-to'>至</Text>
        <Input
          className='composer-input composer-period-end'
          aria-label='本期结束日期'
          value={draft.periodEnd}
          onInput={(e) => onChange((d) => ({ ...d, periodEnd: e.detail.value }))}
        />
      </View>
      <View className='composer-sum-row'>
        <Text>期初余额（{opensFromLetter ? '上一封来信的期末' : '梦想的配捐'}）</Text>
        <Text className='composer-opening'>{formatMoney(totals.openingFen)}</Text>
      </View>
      {/* Each line is a small stack (kind and number, then its labelled fields, then its receipt):
          side by side, the labels and placeholders were clipped on a phone-wide screen. */}
      {draft.lines.map((line, index) => (
        <View key={line.key} className='composer-line'>
          <View className='composer-line-head'>
            <View
              className={`composer-line-kind composer-line-${line.kind}`}
              role='switch'
              aria-checked={line.kind === 'income'}
              aria-label={`第 ${index + 1} 笔：${line.kind === 'income' ? '收入' : '支出'}，点击切换`}
              onClick={() => setLine(line.key, { kind: line.kind === 'income' ? 'spend' : 'income' })}
            >
              {line.kind === 'income' ? '收入' : '支出'}
            </View>
            <Text className='composer-line-number'>第 {index + 1} 笔</Text>
            {draft.lines.length > 1 ? (
              <View
                className='composer-line-remove'
                role='button'
                aria-label={`删除第 ${index + 1} 笔`}
                onClick={() => onChange((d) => ({ ...d, lines: d.lines.filter((l) => l.key !== line.key) }))}
              >
                删除
              </View>
            ) : null}
          </View>
          <Text className='composer-line-label'>用途</Text>
          <Input
            className='composer-input composer-line-description'
            aria-label={`第 ${index + 1} 笔的用途`}
            placeholder='如：书架两组'
            value={line.description}
            maxlength={FIELDS.lineItemDescription.max * 2}
            onInput={(e) => setLine(line.key, { description: e.detail.value })}
          />
          <Text className='composer-line-label'>金额（元）</Text>
          <Input
            className='composer-input composer-line-amount'
            aria-label={`第 ${index + 1} 笔的金额（元）`}
            type='digit'
            placeholder='如：120.50'
            value={line.amount}
            onInput={(e) => setLine(line.key, { amount: e.detail.value })}
          />
          <PhotoPicker
            className='composer-receipt'
            photos={line.receipt ? [line.receipt] : []}
            max={1}
            onAdd={(receipt) => setLine(line.key, { receipt })}
            onRemove={() => setLine(line.key, { receipt: undefined })}
            busy={uploading}
            onBusyChange={onUploadingChange}
            labels={{
              add: '附收据',
              addAria: `给第 ${index + 1} 笔附收据照片`,
              photo: () => `第 ${index + 1} 笔的收据`,
              remove: '移除收据',
              removeAria: () => `移除第 ${index + 1} 笔的收据`,
            }}
          />
          {distributions.length > 0 ? (
            <DistributionPicker
              index={index}
              distributions={distributions}
              value={line.distributionId}
              onChange={(distributionId) => setLine(line.key, { distributionId })}
            />
          ) : null}
        </View>
      ))}
      {draft.lines.length < FIELDS.lineItemsMax ? (
        <Button className='lrf-button-plain composer-add-line' onClick={() => onChange((d) => ({ ...d, lines: [...d.lines, newLine('spend')] }))}>
          添加一笔收支
        </Button>
      ) : null}
      <View className='composer-sum-row'>
        <Text>本期收入 / 支出</Text>
        <Text>
          +{formatMoney(totals.incomeFen)} / {formatMoney(-totals.spendFen)}
        </Text>
      </View>
      <View className='composer-sum-row composer-closing-row'>
        <Text>期末余额（结转下期）</Text>
        <Text className={`composer-closing ${totals.closingFen < 0 ? 'composer-closing-negative' : ''}`}>{formatMoney(totals.closingFen)}</Text>
      </View>
    </View>
  )
}
