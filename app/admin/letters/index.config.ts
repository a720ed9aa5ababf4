export default definePageConfig({
  navigationBarTitleText: '来信审核',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
