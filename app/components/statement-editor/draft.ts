import type { LetterView, LineItemKind } from '../../../functions/contract'
import { statementTotals, type StatementTotals } from '../../../functions/contract/statement-rule'
import type { LetterInput } from '../../services/letters'
import { formatYuan, yuanToFen } from '../../utils/format'
import type { PickedPhoto } from '../photo-picker'

/** A line as typed: the amount stays text (yuan) until it is sent. */
export interface DraftLine {
  key: number
  description: string
  amount: string
  kind: LineItemKind
  /** A photo of the receipt (optional). */
  receipt?: PickedPhoto
  /** A distribution of this dream the line paid for (optional): readers see how much was signed for. */
  distributionId?: string
}

/** A monthly letter's statement while the charity writes it. */
export interface StatementDraft {
  periodStart: string
  periodEnd: string
  lines: DraftLine[]
}

export type SentStatement = NonNullable<LetterInput['statement']>

export const DAY = /^\d{4}-\d{2}-\d{2}$/

let lineKeys = 0
export const newLine = (kind: LineItemKind = 'spend'): DraftLine => ({ key: ++lineKeys, description: '', amount: '', kind })

/** The lines of a letter sent before (a rejected one written again), with its receipts. */
export function linesOf(statement: NonNullable<LetterView['statement']>): DraftLine[] {
  return statement.lineItems.map((line) => ({
    key: ++lineKeys,
    description: line.description,
    amount: formatYuan(line.amountFen),
    kind: line.kind,
    ...(line.receiptPhoto ? { receipt: { id: line.receiptPhoto, path: line.receiptPhotoUrl ?? '' } } : {}),
    ...(line.distributionId ? { distributionId: line.distributionId } : {}),
  }))
}

/**
 * The figures the server will hold this statement to (the contract's statement rule): an amount
 * not yet readable as yuan counts as nothing until it is.
 */
export function draftTotals(draft: StatementDraft, previousClosingFen: number | null, matchedFen: number): StatementTotals {
  return statementTotals(
    previousClosingFen,
    matchedFen,
    draft.lines.map((line) => ({ kind: line.kind, amountFen: yuanToFen(line.amount) ?? 0 })),
  )
}

/** What is wrong with the statement before sending, in words (the API checks again). */
export function draftProblems(draft: StatementDraft, totals: StatementTotals): string[] {
  const found: string[] = []
  if (!DAY.test(draft.periodStart) || !DAY.test(draft.periodEnd)) found.push('请填写本期的起止日期（如 2026-10-01）')
  else if (draft.periodStart > draft.periodEnd) found.push('本期开始日期不能晚于结束日期')
  if (draft.lines.some((l) => !l.description.trim() || yuanToFen(l.amount) === null)) found.push('每一笔收支都要写明用途和金额（元）')
  if (totals.closingFen < 0) found.push('期末余额不能为负数，请核对支出')
  return found
}

/** The statement as the API takes it; call only once draftProblems found nothing. */
export function sentStatement(draft: StatementDraft, totals: StatementTotals): SentStatement {
  return {
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    openingFen: totals.openingFen,
    closingFen: totals.closingFen,
    lineItems: draft.lines.map((l) => ({
      description: l.description.trim(),
      amountFen: yuanToFen(l.amount)!,
      kind: l.kind,
      ...(l.receipt ? { receiptPhoto: l.receipt.id } : {}),
      ...(l.distributionId ? { distributionId: l.distributionId } : {}),
    })),
  }
}
