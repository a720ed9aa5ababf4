export default definePageConfig({
  navigationBarTitleText: '店铺审核',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
