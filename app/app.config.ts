export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/dreams/index',
    'pages/me/index',
    'pages/login/index',
    'pages/dream-propose/index',
    'pages/dream-detail/index',
    'pages/my-dreams/index',
    'pages/team/index',
    'pages/notifications/index',
  ],
  // Role consoles most people never open load on demand (WeChat subpackages; H5 routes them the
  // same way), so the main package stays small.
  subPackages: [
    {
      root: 'admin',
      pages: [
        'review/index',
        'people/index',
        'stores/index',
        'sponsors/index',
        'jobs/index',
        'letters/index',
        'employers/index',
        'held/index',
        'spot-checks/index',
        'questions/index',
      ],
    },
    { root: 'charity', pages: ['workbench/index', 'letter/index', 'roster/index'] },
    // 小红花来信: the donor's letterbox and the letter itself.
    { root: 'letters', pages: ['inbox/index', 'read/index'] },
    { root: 'merchant', pages: ['lowcarbon/index', 'meals/index'] },
    // 爱心餐: stores by city and buying meals, my meals, a worker's claim of their roster row.
    { root: 'meals', pages: ['stores/index', 'mine/index', 'worker/index'] },
    // The QR codes a person shows (the member code, the worker's meal pass), with their QR library.
    { root: 'codes', pages: ['member-code/index', 'meal-pass/index'] },
    // 隐私政策: what is collected and why, linked from 我的 and the login page.
    // Earning flowers (捐步, 答题): out of the main package, which WeChat caps and the home page must open fast.
    { root: 'earn', pages: ['steps/index', 'quiz/index'] },
    { root: 'privacy', pages: ['index'] },
    // The person's own account: the nickname, 导出我的数据 and 注销账号.
    { root: 'account', pages: ['profile/index', 'export/index', 'close/index'] },
    // 公开账本: a gift's receipt checked on the phone, and a dream's page of the log (with the cryptography).
    { root: 'log', pages: ['receipt/index', 'dream/index'] },
    // 数字签收: a dream's distributions, the printed slips, field staff signing (offline too), the public timeline.
    { root: 'signoff', pages: ['distributions/index', 'slips/index', 'sign/index', 'timeline/index'] },
    // 公益股东大会: an assembly (questions, votes, answers, polls, minutes) and a dream's assemblies.
    { root: 'assembly', pages: ['detail/index', 'dream/index'] },
  ],
  // WeChat asks the person to agree to the privacy guide before any personal-data API runs; the
  // pages that use one show components/privacy-popup when it does.
  __usePrivacyCheck__: true,
  // The sign page may attach where a hand-over happened; WeChat requires the API to be declared.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '签收物资时记录发放地点，供捐赠人核实' } },
  // Only the components a page renders are injected when it opens (WeChat's review asks for it).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#e64340',
    navigationBarTitleText: '小红花',
    navigationBarTextStyle: 'white',
    // H5 only draws its own title bar (title, back on pushed pages) when asked for the default
    // style; WeChat always shows its bar, so the mini-program is unchanged.
    navigationStyle: 'default',
    backgroundColor: '#fff6f4',
  },
  // Icons are drawn by config/generate-tabbar-icons.js (H5 shows empty boxes without them).
  tabBar: {
    color: '#8a6d6b',
    selectedColor: '#e64340',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/dreams/index',
        text: '梦想',
        iconPath: 'assets/tabbar/dreams.png',
        selectedIconPath: 'assets/tabbar/dreams-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
})
