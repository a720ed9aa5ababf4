export default definePageConfig({
  navigationBarTitleText: '一起捐',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
