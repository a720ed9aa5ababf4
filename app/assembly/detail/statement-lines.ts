import { formatMoney } from '../../utils/format'

/** A statement line as the answer form and an answer show it. */
export interface StatementLine {
  description: string
  amountFen: number
  kind: string
}

/** "第 2 笔 · 书架两组 -¥8.00" (spend lines negative, as the statement prints them). */
export function lineLabel(line: StatementLine, index: number): string {
  return `第 ${index + 1} 笔 · ${line.description} ${formatMoney(line.kind === 'spend' ? -line.amountFen : line.amountFen)}`
}
