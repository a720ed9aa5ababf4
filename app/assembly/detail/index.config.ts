export default definePageConfig({
  navigationBarTitleText: '公益股东大会',
  enablePullDownRefresh: true,
})
