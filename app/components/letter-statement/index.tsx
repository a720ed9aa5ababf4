import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { dreamDistributions, type DreamDistribution } from '../../services/dream-distributions'
import type { LetterView } from '../../../functions/contract'
import { shortDate, formatMoney } from '../../utils/format'
import './index.scss'

type Statement = NonNullable<LetterView['statement']>
type Line = Statement['lineItems'][number]

const VERDICT_LABELS: Record<string, string> = { pending: '检测中', pass: '已通过', risky: '有风险', review: '需人工复核' }

/** A line's receipt: a link that enlarges its photo, and for the author and admins WeChat's check of it. */
function Receipt({ line, checks }: { line: Line; checks?: LetterView['photoChecks'] }) {
  if (!line.receiptPhotoUrl) return null
  const url = line.receiptPhotoUrl
  const verdict = checks?.find((check) => check.id === line.receiptPhoto)?.verdict
  return (
    <View className='statement-receipt'>
      <View
        className='statement-receipt-link'
        role='button'
        aria-label={`查看收据：${line.description}`}
        onClick={(event) => {
          event.stopPropagation()
          Taro.previewImage({ urls: [url], current: url }).catch(() => undefined)
        }}
      >
        查看收据
      </View>
      {verdict ? <Text className={`lrf-muted statement-receipt-check letter-photo-${verdict}`}>微信检测：{VERDICT_LABELS[verdict]}</Text> : null}
    </View>
  )
}

/** The distributions this statement's lines cite, by id (loaded only when a line cites one). */
function useCitedDistributions(statement: Statement, dreamId: string | undefined): Map<string, DreamDistribution> {
  const [cited, setCited] = useState<Map<string, DreamDistribution>>(new Map())
  const cites = statement.lineItems.some((line) => line.distributionId)
  useEffect(() => {
    if (!dreamId || !cites) return
    let live = true
    dreamDistributions(dreamId)
      .then((items) => live && setCited(new Map(items.map((d) => [d.id, d]))))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [dreamId, cites])
  return cited
}

/** Beside a line that cites a distribution: how many of its recipients signed for their goods. */
function Signed({ line, cited }: { line: Line; cited: Map<string, DreamDistribution> }) {
  const distribution = line.distributionId ? cited.get(line.distributionId) : undefined
  if (!distribution) return null
  const text = `已签收 ${distribution.signedCount}/${distribution.recipientCount}`
  return (
    <Text className='lrf-muted statement-signed' aria-label={`${distribution.title}：${text}${distribution.disputed ? '，有争议' : ''}`}>
      {distribution.title} · {text}
      {distribution.disputed ? ' · 有争议' : ''}
    </Text>
  )
}

/**
 * A letter's statement of money: this period (the balance carried from the last letter, every line
 * in and out, the balance carried to the next) and, apart and labelled, the totals since the start.
 * The figures are the ones stored with the letter; nothing is recomputed here.
 */
export default function LetterStatement({ statement, checks, dreamId }: { statement: Statement; checks?: LetterView['photoChecks']; dreamId?: string }) {
  const cited = useCitedDistributions(statement, dreamId)
  const income = statement.lineItems.filter((line) => line.kind === 'income')
  const spend = statement.lineItems.filter((line) => line.kind === 'spend')
  return (
    <View className='statement' aria-label='收支明细'>
      <View className='statement-head'>
        <Text className='statement-title'>本期收支</Text>
        <Text className='lrf-muted statement-period'>
          {shortDate(statement.periodStart)} 至 {shortDate(statement.periodEnd)}
        </Text>
      </View>
      <View className='statement-row statement-opening'>
        <Text>期初余额（上期结转）</Text>
        <Text className='statement-amount'>{formatMoney(statement.openingFen)}</Text>
      </View>
      {income.map((line, index) => (
        <View key={`in-${index}`} className='statement-row statement-line statement-income'>
          <View className='statement-line-text'>
            <Text>收入 · {line.description}</Text>
            <Receipt line={line} checks={checks} />
            <Signed line={line} cited={cited} />
          </View>
          <Text className='statement-amount statement-plus'>+{formatMoney(line.amountFen)}</Text>
        </View>
      ))}
      {spend.map((line, index) => (
        <View key={`out-${index}`} className='statement-row statement-line statement-spend'>
          <View className='statement-line-text'>
            <Text>支出 · {line.description}</Text>
            <Receipt line={line} checks={checks} />
            <Signed line={line} cited={cited} />
          </View>
          <Text className='statement-amount statement-minus'>{formatMoney(-line.amountFen)}</Text>
        </View>
      ))}
      <View className='statement-row statement-sum'>
        <Text>本期收入 / 支出</Text>
        <Text className='statement-amount'>
          +{formatMoney(statement.incomeFen)} / {formatMoney(-statement.spendFen)}
        </Text>
      </View>
      <View className='statement-row statement-closing'>
        <Text>期末余额（结转下期）</Text>
        <Text className='statement-amount statement-closing-value'>{formatMoney(statement.closingFen)}</Text>
      </View>
      <View className='statement-head statement-since-head'>
        <Text className='statement-title'>自项目开始累计</Text>
      </View>
      <View className='statement-row statement-since'>
        <Text>累计收入</Text>
        <Text className='statement-amount statement-since-income'>{formatMoney(statement.sinceStart.incomeFen)}</Text>
      </View>
      <View className='statement-row statement-since'>
        <Text>累计支出</Text>
        <Text className='statement-amount statement-since-spend'>{formatMoney(statement.sinceStart.spendFen)}</Text>
      </View>
    </View>
  )
}
