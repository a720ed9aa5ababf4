import { DISTRIBUTION_LIMITS } from '../../functions/contract/signoff-code'

// The recipients of a distribution, read from a pasted or uploaded CSV (or from the form's rows)
// and checked row by row before anything is sent, so a charity fixes 第 3 行 on the phone.

/** One recipient as the distribution route takes it. */
export interface RecipientInput {
  name: string
  quantity: number
  village?: string
}

/** A row's problem: `line` is the row a person sees in the sheet (the header is row 1). */
export interface RowProblem {
  line: number
  message: string
}

export interface ParsedRecipients {
  recipients: RecipientInput[]
  /** recipients[i] came from this row of the sheet (or form), to name the server's complaints the same way. */
  lines: number[]
  problems: RowProblem[]
}

export const MAX_RECIPIENTS = DISTRIBUTION_LIMITS.recipients.max
const NAME_MAX = DISTRIBUTION_LIMITS.recipientName.max
const QUANTITY_MIN = DISTRIBUTION_LIMITS.quantity.min
const QUANTITY_MAX = DISTRIBUTION_LIMITS.quantity.max
const VILLAGE_MAX = DISTRIBUTION_LIMITS.village.max

const HEADERS: Record<'name' | 'quantity' | 'village', string[]> = {
  name: ['姓名', '名字', '领取人', 'name'],
  quantity: ['数量', '件数', 'quantity', 'qty'],
  village: ['村', '村庄', '村名', '村/社区', 'village'],
}

const codePoints = (text: string) => Array.from(text).length

/** RFC 4180 fields: commas, quotes ("" inside quotes) and line breaks inside a quoted field. Each row keeps its starting line. */
export function splitCsv(text: string): { line: number; fields: string[] }[] {
  const source = text.replace(/^\uFEFF/, '')
  const rows: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const endRow = () => {
    fields.push(field)
    rows.push({ line: rowLine, fields })
    fields = []
    field = ''
  }
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field.trim() === '') {
      field = ''
      quoted = true
    } else if (ch === ',' || ch === '，' || ch === '\t') {
      fields.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else {
      field += ch
    }
  }
  if (field !== '' || fields.length > 0) endRow()
  return rows
}

function columnOf(cells: string[], kind: keyof typeof HEADERS): number {
  const names = HEADERS[kind]
  return cells.findIndex((cell) => names.includes(cell.trim().toLowerCase()))
}

/** The problem of one recipient, in the words a person reads beside the row; '' when it is fine. */
export function recipientProblem(name: string, quantity: string, village: string): string {
  const trimmedName = name.trim()
  if (codePoints(trimmedName) < 1 || codePoints(trimmedName) > NAME_MAX) return `姓名应为 1–${NAME_MAX} 个字`
  const q = quantity.trim()
  if (!/^\d+$/.test(q) || Number(q) < QUANTITY_MIN || Number(q) > QUANTITY_MAX) return `数量应为 ${QUANTITY_MIN}–${QUANTITY_MAX}`
  if (codePoints(village.trim()) > VILLAGE_MAX) return `村名最多 ${VILLAGE_MAX} 个字`
  return ''
}

/** Rows from the form (or the CSV): every row checked, numbered as given. */
export function checkRows(rows: { line: number; name: string; quantity: string; village: string }[]): ParsedRecipients {
  const result: ParsedRecipients = { recipients: [], lines: [], problems: [] }
  if (rows.length === 0) {
    result.problems.push({ line: 0, message: '至少需要 1 位领取人' })
    return result
  }
  if (rows.length > MAX_RECIPIENTS) {
    result.problems.push({ line: 0, message: `一次最多 ${MAX_RECIPIENTS} 位领取人，现在有 ${rows.length} 行，请分成几次发放` })
    return result
  }
  for (const row of rows) {
    const problem = recipientProblem(row.name, row.quantity, row.village)
    if (problem) {
      result.problems.push({ line: row.line, message: problem })
      continue
    }
    const village = row.village.trim()
    result.recipients.push({ name: row.name.trim(), quantity: Number(row.quantity.trim()), ...(village ? { village } : {}) })
    result.lines.push(row.line)
  }
  return result
}

/**
 * A CSV of recipients: a header row names the columns (姓名/数量/村, or name/quantity/village, in any
 * order); without one the columns are name, quantity, village. Blank rows are skipped.
 */
export function parseRecipientsCsv(text: string): ParsedRecipients {
  const rows = splitCsv(text).filter((row) => row.fields.some((cell) => cell.trim() !== ''))
  let columns = { name: 0, quantity: 1, village: 2 }
  if (rows.length > 0) {
    const head = rows[0].fields
    const named = { name: columnOf(head, 'name'), quantity: columnOf(head, 'quantity'), village: columnOf(head, 'village') }
    if (named.name >= 0 || named.quantity >= 0) {
      if (named.name < 0 || named.quantity < 0) {
        return { recipients: [], lines: [], problems: [{ line: rows[0].line, message: '表头需要有「姓名」和「数量」两列' }] }
      }
      columns = named
      rows.shift()
    }
  }
  return checkRows(
    rows.map((row) => ({
      line: row.line,
      name: row.fields[columns.name] ?? '',
      quantity: row.fields[columns.quantity] ?? '',
      village: columns.village >= 0 ? (row.fields[columns.village] ?? '') : '',
    })),
  )
}

/** The line of a problem as a person reads it. */
export function problemText(problem: RowProblem): string {
  return problem.line > 0 ? `第 ${problem.line} 行：${problem.message}` : problem.message
}

const FIELD_WORDS: Record<string, string> = { name: '姓名', quantity: '数量', village: '村名' }

/**
 * The server's validation `details` (zod issues: a `path` like ["recipients", 2, "quantity"] and a
 * message) told the same way as the phone's own check, on the row the recipient came from.
 */
export function serverProblems(details: unknown, lines: number[]): RowProblem[] {
  if (!Array.isArray(details)) return []
  const problems: RowProblem[] = []
  for (const issue of details) {
    const path = (issue as { path?: unknown }).path
    const message = String((issue as { message?: unknown }).message ?? '内容有误')
    if (Array.isArray(path) && path[0] === 'recipients' && typeof path[1] === 'number') {
      const field = FIELD_WORDS[String(path[2])] ?? ''
      problems.push({ line: lines[path[1]] ?? path[1] + 1, message: `${field}${field ? '：' : ''}${message}` })
    } else {
      problems.push({ line: 0, message: `${Array.isArray(path) ? path.join('.') + '：' : ''}${message}` })
    }
  }
  return problems
}
