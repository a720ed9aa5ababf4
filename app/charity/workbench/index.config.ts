export default definePageConfig({
  navigationBarTitleText: '公益机构工作台',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
