export default definePageConfig({
  navigationBarTitleText: '环卫单位',
  enablePullDownRefresh: true,
})
