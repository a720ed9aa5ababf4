import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { useRoleGate } from '../../hooks/use-role-gate'
import { getJobs } from '../../services/admin-api'
import type { FanoutJobView, FanoutKind } from '../../../functions/contract'
import { formatShanghaiTime, percent } from '../../utils/format'
import '../admin.scss'

const KIND_LABELS: Record<FanoutKind, string> = {
  dream_executable: '梦想达成通知',
  letter: '小红花来信',
  letter_retracted: '来信撤回通知',
  distribution_closed: '发放结束通知',
  assembly_invited: '股东大会邀请',
  assembly_minutes: '股东大会纪要通知',
  promise_done: '承诺兑现通知',
}

/** Admin: every fan-out job (telling all donors of a dream), with how many are told, left and failed. */
export default function JobsPage() {
  const gate = useRoleGate('admin')
  const list = usePagedList<FanoutJobView>((cursor) => getJobs(cursor, 20))
  const { check } = gate
  const { reload } = list
  const refresh = useCallback(async () => {
    if (await check()) await reload()
  }, [check, reload])
  usePageRefresh(refresh)

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>通知任务</Text>
        <Text className='admin-desc'>梦想达成目标后，系统分批通知每一位捐花人（站内消息，订阅了的再发一条微信消息）。下拉刷新查看进度。</Text>
      </View>
      {list.loaded && list.items.length === 0 && !list.loading ? (
        <View className='lrf-empty jobs-empty'>
          <Text>还没有通知任务</Text>
        </View>
      ) : null}
      {list.items.map((job) => {
        const reached = job.told + job.already
        return (
          <View
            key={job.id}
            className='lrf-card job-item'
            role='button'
            aria-label={`${KIND_LABELS[job.kind]}「${job.subject}」，已通知 ${reached} 人，剩余 ${job.left} 人`}
            onClick={() => Taro.navigateTo({ url: `/pages/dream-detail/index?id=${job.dreamId}` })}
          >
            <View className='job-row'>
              <Text className='store-name job-subject'>
                {KIND_LABELS[job.kind]}：「{job.subject}」
              </Text>
              <Text className={job.done ? 'job-state job-done' : 'job-state job-running'}>{job.done ? '已完成' : '进行中'}</Text>
            </View>
            <View className='job-bar' aria-hidden>
              <View className='job-bar-fill' style={{ width: `${percent(reached, Math.max(job.expected, reached, 1))}%` }} />
            </View>
            {/* One fact a line, each with its label: run together, the numbers read as one. */}
            <Text className='lrf-muted job-line job-counts'>
              已通知 {reached} / {job.expected} 人 · 剩余 {job.left} 人 · 分片 {job.chunksDone}/{job.chunks}
            </Text>
            <Text className='lrf-muted job-line job-messages'>
              微信消息：发出 {job.sent} · 未订阅 {job.refused} · 失败 {job.failed}
            </Text>
            <Text className='lrf-muted job-line job-started'>开始于 {formatShanghaiTime(job.createdAt)}</Text>
            {job.finishedAt ? <Text className='lrf-muted job-line job-finished'>完成于 {formatShanghaiTime(job.finishedAt)}</Text> : null}
          </View>
        )
      })}
      <ListFooter prefix='jobs' list={list} end />
    </View>
  )
}
