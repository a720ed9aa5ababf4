export default definePageConfig({
  navigationBarTitleText: '抽查回访',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
