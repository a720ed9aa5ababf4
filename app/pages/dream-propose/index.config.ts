export default definePageConfig({
  navigationBarTitleText: '提出梦想',
})
