export default definePageConfig({
  navigationBarTitleText: '爱心餐',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
