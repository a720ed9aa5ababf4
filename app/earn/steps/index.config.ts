export default definePageConfig({
  navigationBarTitleText: '捐步',
  enablePullDownRefresh: true,
})
