export default definePageConfig({
  navigationBarTitleText: '记录低碳行动',
  enablePullDownRefresh: true,
})
