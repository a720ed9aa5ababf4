export default definePageConfig({
  navigationBarTitleText: '头像和昵称',
})
