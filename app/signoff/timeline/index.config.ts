export default definePageConfig({
  navigationBarTitleText: '发放进度',
  enablePullDownRefresh: true,
})
