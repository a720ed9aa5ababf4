export default definePageConfig({
  navigationBarTitleText: '我捐的爱心餐',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
