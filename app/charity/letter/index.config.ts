export default definePageConfig({
  navigationBarTitleText: '写来信',
  enablePullDownRefresh: true,
})
