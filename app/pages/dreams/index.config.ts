export default definePageConfig({
  navigationBarTitleText: '梦想广场',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  onReachBottomDistance: 80,
})
