export default definePageConfig({
  navigationBarTitleText: '一起低碳',
  // Keep the code readable for the clerk's scanner.
  navigationBarBackgroundColor: '#2e9d5b',
})
