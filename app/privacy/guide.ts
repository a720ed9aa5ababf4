/**
 * What the app collects, why and for how long: the 隐私政策 page shows it, and it is what the
 * 《小程序用户隐私保护指引》 registered with WeChat must declare. WeChat disables any privacy API
 * (and its component) the guide does not declare, and its review checks the guide against the code
 * package, so every such API the app calls is listed here with the guide's name for its kind of
 * information (tests/unit/app-privacy-guide.test.ts scans the app to keep the two in step).
 */

/** WeChat's names (privacy_key) for the kinds of information a guide declares. */
export type PrivacyKey = 'UserInfo' | 'Location' | 'RunData' | 'Album' | 'MessageFile' | 'Clipboard'

/** The WeChat APIs and components the app uses that the guide must declare. */
export type PrivacyApi =
  | 'button open-type=chooseAvatar'
  | 'input type=nickname'
  | 'getLocation'
  | 'authorize scope.werun'
  | 'getWeRunData'
  | 'chooseMedia'
  | 'chooseImage'
  | 'chooseMessageFile'
  | 'setClipboardData'

/** One kind of personal data: what it is, why it is needed, how long it is kept. */
export interface Collected {
  what: string
  why: string
  kept: string
  /** The kind the WeChat guide declares it under; absent when no WeChat API collects it. */
  privacyKey?: PrivacyKey
  /** The APIs that read it; the guide must declare each under `privacyKey`. */
  apis?: PrivacyApi[]
}

export const COLLECTED: Collected[] = [
  {
    what: '微信身份（openid）',
    why: '在微信里识别你是谁，让你的小红花、捐赠和来信都记在你自己名下。',
    kept: '账号存在期间保存；注销账号后删除。',
  },
  {
    what: '昵称和头像',
    why: '你在“我的 → 个人资料”里自己填写或选择时才收集，用来在小红花里代表你；保存前会经过微信的内容安全检查。',
    kept: '账号存在期间保存；注销账号后删除。',
    privacyKey: 'UserInfo',
    apis: ['button open-type=chooseAvatar', 'input type=nickname'],
  },
  {
    what: '微信运动步数',
    why: '你点“捐出今日步数”时读取当天步数，换成小红花。只在你点的时候读取。',
    kept: '只保存每次捐出的步数和换得的小红花，随账号保存；不保存微信运动的原始数据。',
    privacyKey: 'RunData',
    apis: ['authorize scope.werun', 'getWeRunData'],
  },
  {
    what: '你选择的照片',
    why: '写来信、记账附收据、设置头像时，上传你自己选的照片，给对应的人看。',
    kept: '随来信、账目或头像保存；注销账号后删除你上传的照片。',
    privacyKey: 'Album',
    apis: ['chooseMedia', 'chooseImage'],
  },
  {
    what: '签收时的位置（含定位精度）',
    why: '只在公益机构或它指定的发放人员登记一次物资签收时读取一次，记下经纬度和定位精度，供捐赠人和抽查回访核实发放确在现场。精度为 0、被模拟或只有大致范围的位置会标为“可疑”。其他任何时候都不读取位置，捐赠人的位置从不读取。',
    kept: '随这次发放的签收记录保存，用于日后核实；公开的发放动态不显示位置。',
    privacyKey: 'Location',
    apis: ['getLocation'],
  },
  {
    what: '物资交接的照片',
    why: '发放人员签收时可以拍一张交接照片，经微信图片安全检查后显示在公开的发放动态里，让捐赠人看到物资送到。拍摄时请尽量只拍物资。',
    kept: '随这次发放的签收记录保存。',
    privacyKey: 'Album',
    apis: ['chooseMedia', 'chooseImage'],
  },
  {
    what: '受助人的姓名、村庄和领取数量',
    why: '由公益机构在表单里填写，或从微信聊天里选一个 CSV 文件导入，用来生成每人一次性的签收码。完整姓名只有这家公益机构和管理员看得到；公开的发放动态只显示遮盖后的姓名（如“张**”）、村庄和领取时间。签收码只保存它的加密摘要。',
    kept: '随这次发放的记录保存；公开账本里只有无法反推出姓名的校验值，没有姓名、村庄或签收码。',
    privacyKey: 'MessageFile',
    apis: ['chooseMessageFile'],
  },
  {
    what: '股东大会的提问、投票、举报和现场问卷回答',
    why: '你在公益股东大会上提问、给提问投票、举报提问、回答现场问卷或通过小程序进入会议时记录，用来保证每人一票、统计票数和到会人数，并把问答公开留档。提问公开显示但不显示你的名字，并经过微信内容安全检查；投票和问卷只公开总数，不公开谁选了什么。',
    kept: '作为公开记录保存，可在“导出我的数据”里看到；注销账号后仍保留，但不再与你关联。',
  },
  {
    what: '剪贴板',
    why: '只在你点“复制”或“加入会议”时写入会员码、队伍口令、会议链接或导出的数据，不读取剪贴板里的内容。',
    kept: '不保存。',
    privacyKey: 'Clipboard',
    apis: ['setClipboardData'],
  },
  {
    what: '支付信息',
    why: '买爱心餐时通过微信支付下单，记录订单号、金额和份数，用于核对和退款。',
    kept: '按法律对交易记录的保存要求保存；我们看不到你的银行卡信息。',
  },
]

/** Every API the guide must declare, with the kind it is declared under. */
export function declaredApis(collected: Collected[] = COLLECTED): Map<PrivacyApi, PrivacyKey> {
  const declared = new Map<PrivacyApi, PrivacyKey>()
  for (const item of collected) for (const api of item.apis ?? []) if (item.privacyKey) declared.set(api, item.privacyKey)
  return declared
}
