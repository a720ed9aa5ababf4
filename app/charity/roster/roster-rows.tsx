import { Button, Text, View } from '@tarojs/components'
import ListFooter from '../../components/list-footer'
import type { PagedList } from '../../hooks/use-paged-list'
import type { ListedRosterRow, RosterEntry } from './roster-api'

interface Props {
  employer: string
  rows: PagedList<ListedRosterRow>
  /** The employee number being revoked now, if any (its button says so; the others wait). */
  revoking: string | null
  onRevoke: (employeeNumber: string) => void
}

function statusOf(row: RosterEntry): { label: string; tone: string } {
  if (row.revoked) return { label: '已撤销', tone: 'revoked' }
  return row.claimed ? { label: '已认领', tone: 'claimed' } : { label: '未认领', tone: 'open' }
}

/** Who is on the chosen employer's roster, claimed or not, each row with its own 撤销. */
export default function RosterRows({ employer, rows, revoking, onRevoke }: Props) {
  return (
    <View className='lrf-card roster-card roster-list'>
      <Text className='roster-title'>名册{employer ? `：${employer}` : ''}</Text>
      {rows.loaded && rows.items.length === 0 ? <View className='lrf-empty roster-list-empty'>名册里还没有人，请先导入</View> : null}
      {rows.items.map((row) => {
        const status = statusOf(row)
        return (
          <View key={row.employeeNumber} className='roster-row'>
            <View className='roster-row-who'>
              <Text className='roster-row-number'>{row.employeeNumber}</Text>
              <Text className='roster-row-name'>{row.name}</Text>
            </View>
            <Text className={`roster-row-status roster-row-${status.tone}`}>{status.label}</Text>
            {row.revoked ? null : (
              <Button
                className='lrf-button-plain roster-row-revoke'
                aria-label={`撤销 ${row.employeeNumber} ${row.name}`}
                disabled={revoking !== null || undefined}
                onClick={() => onRevoke(row.employeeNumber)}
              >
                {revoking === row.employeeNumber ? '撤销中…' : '撤销'}
              </Button>
            )}
          </View>
        )
      })}
      <ListFooter prefix='roster-list' list={rows} />
    </View>
  )
}
