export default definePageConfig({
  navigationBarTitleText: '小红花来信',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
