export default definePageConfig({
  navigationBarTitleText: '小红花来信',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
