export default definePageConfig({
  navigationBarTitleText: '环卫工人名册',
  enablePullDownRefresh: true,
})
