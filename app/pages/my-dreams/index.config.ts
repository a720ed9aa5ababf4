export default definePageConfig({
  navigationBarTitleText: '我的梦想',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
