export default definePageConfig({
  navigationBarTitleText: '登录小红花',
})
