export default definePageConfig({
  navigationBarTitleText: '签收单',
})
