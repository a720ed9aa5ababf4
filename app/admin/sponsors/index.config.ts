export default definePageConfig({
  navigationBarTitleText: '益行家',
  enablePullDownRefresh: true,
})
