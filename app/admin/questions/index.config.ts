export default definePageConfig({
  navigationBarTitleText: '被举报的提问',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
