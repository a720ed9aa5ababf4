export default definePageConfig({
  navigationBarTitleText: '通知任务',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
