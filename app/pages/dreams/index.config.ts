export default definePageConfig({
  navigationBarTitleText: '梦想广场',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
