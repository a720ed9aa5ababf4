export default definePageConfig({
  navigationBarTitleText: '小红花',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
