export default defineAppConfig({
  pages: ['pages/index/index', 'pages/dreams/index', 'pages/me/index', 'pages/login/index'],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#e64340',
    navigationBarTitleText: '小红花',
    navigationBarTextStyle: 'white',
    backgroundColor: '#fff6f4',
  },
  // Text-only tab bar: WeChat accepts tabs without iconPath, so no icon files are shipped.
  tabBar: {
    color: '#8a6d6b',
    selectedColor: '#e64340',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/dreams/index', text: '梦想' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
