// The charity's scheduling form, read into the request body: days and times are typed as a person
// reads them in China ("2026-12-10", "20:00") and sent as instants. Pure, so it is tested alone.
import { ASSEMBLY_FIELDS, isHttpsUrl } from '../../functions/contract/assembly-fields'
import { textProblem } from '../../functions/contract/fields'

export interface ScheduleDraft {
  title: string
  day: string
  time: string
  closeDay: string
  closeTime: string
  meetingUrl: string
  statementLetterId: string
}

export interface ScheduleBody {
  title: string
  startsAt: string
  questionsCloseAt: string
  meetingUrl?: string
  statementLetterId?: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/

/** "2026-12-10" + "20:00" in Asia/Shanghai → the ISO instant, or null when either does not parse. */
export function shanghaiInstant(day: string, time: string): string | null {
  if (!DAY.test(day.trim()) || !TIME.test(time.trim())) return null
  const [h, m] = time.trim().split(':')
  const ms = Date.parse(`${day.trim()}T${h.padStart(2, '0')}:${m}:00+08:00`)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/** Either the body to send or every problem, in Chinese, to show next to the form. */
export function readScheduleDraft(draft: ScheduleDraft, nowMs: number): { body: ScheduleBody; problems: [] } | { body: null; problems: string[] } {
  const problems: string[] = []
  const title = draft.title.trim()
  if (textProblem(title, ASSEMBLY_FIELDS.title)) problems.push(`标题 ${ASSEMBLY_FIELDS.title.min}–${ASSEMBLY_FIELDS.title.max} 个字`)
  const startsAt = shanghaiInstant(draft.day, draft.time)
  const questionsCloseAt = shanghaiInstant(draft.closeDay, draft.closeTime)
  if (!startsAt) problems.push('开会时间格式为 2026-12-10 和 20:00')
  if (!questionsCloseAt) problems.push('提问截止时间格式为 2026-12-10 和 19:00')
  if (startsAt && Date.parse(startsAt) <= nowMs) problems.push('开会时间须在现在之后')
  if (startsAt && questionsCloseAt && Date.parse(questionsCloseAt) > Date.parse(startsAt)) problems.push('提问须在开会前（或开会时）截止')
  const meetingUrl = draft.meetingUrl.trim()
  if (meetingUrl && (!isHttpsUrl(meetingUrl) || meetingUrl.length > ASSEMBLY_FIELDS.meetingUrlMax))
    problems.push('会议链接须是 https:// 开头的网址（如腾讯会议链接）')
  if (problems.length || !startsAt || !questionsCloseAt) return { body: null, problems }
  return {
    body: {
      title,
      startsAt,
      questionsCloseAt,
      ...(meetingUrl ? { meetingUrl } : {}),
      ...(draft.statementLetterId ? { statementLetterId: draft.statementLetterId } : {}),
    },
    problems: [],
  }
}
