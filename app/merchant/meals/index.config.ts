export default definePageConfig({
  navigationBarTitleText: '爱心餐核销',
  enablePullDownRefresh: true,
})
