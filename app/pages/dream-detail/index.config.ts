export default definePageConfig({
  navigationBarTitleText: '梦想详情',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
