// The app's one icon set: simple line drawings on a 24×24 grid, so they look the same in every
// WebView and in WeChat (emoji and symbol characters depend on the phone's fonts). Each has the
// Chinese name a screen reader says when the page gives none.

export interface IconShape {
  label: string
  /** SVG elements inside the 24×24 viewBox, stroked in the icon's colour. */
  body: string
  /** Drawn filled instead of stroked. */
  filled?: boolean
}

export const ICON_SHAPES = {
  flower: {
    label: '小红花',
    filled: true,
    body: '<circle cx="12" cy="6.5" r="3.5"/><circle cx="17.5" cy="10.5" r="3.5"/><circle cx="15.5" cy="17" r="3.5"/><circle cx="8.5" cy="17" r="3.5"/><circle cx="6.5" cy="10.5" r="3.5"/><circle cx="12" cy="12.5" r="2.2" fill="#ffd666"/>',
  },
  steps: {
    label: '捐步',
    body: '<ellipse cx="8" cy="8" rx="3" ry="4.5"/><circle cx="8" cy="16.5" r="1.5"/><ellipse cx="16" cy="11" rx="3" ry="4.5"/><circle cx="16" cy="19.5" r="1.5"/>',
  },
  quiz: { label: '答题', body: '<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 8h8M8 12h8M8 16h5"/>' },
  leaf: { label: '低碳', body: '<path d="M5 19C5 10 11 5 20 4c-1 9-6 15-15 15z"/><path d="M5 19l8-8"/>' },
  dream: { label: '梦想', body: '<path d="M12 3l2.8 6 6.2.5-4.8 4.3 1.4 6.2L12 16.8 6.4 20l1.4-6.2L3 9.5 9.2 9z"/>' },
  meal: { label: '爱心餐', body: '<path d="M3 11h18a9 9 0 0 1-18 0z"/><path d="M8 4v4M12 3v5M16 4v4"/>' },
  store: { label: '门店', body: '<path d="M3 10l2-6h14l2 6z"/><path d="M4 10v10h16V10"/><path d="M10 20v-5h4v5"/>' },
  letter: { label: '来信', body: '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>' },
  bell: { label: '通知', body: '<path d="M6 16v-5a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 20a2 2 0 0 0 4 0"/>' },
  qr: {
    label: '核销码',
    body: '<rect x="3" y="3" width="7" height="7" rx="1"/><rect x="14" y="3" width="7" height="7" rx="1"/><rect x="3" y="14" width="7" height="7" rx="1"/><path d="M14 14h3v3h-3zM18 18h3v3h-3z"/>',
  },
  worker: { label: '环卫工人', body: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4 4-7 8-7s8 3 8 7"/><path d="M7 6.5h10"/>' },
  shield: { label: '审核', body: '<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M9 12l2 2 4-4"/>' },
  charity: { label: '公益机构', body: '<path d="M12 20s-8-5-8-10a4.5 4.5 0 0 1 8-3 4.5 4.5 0 0 1 8 3c0 5-8 10-8 10z"/>' },
  edit: { label: '修改', body: '<path d="M4 20l4-1 11-11-3-3L5 16z"/><path d="M14 7l3 3"/>' },
  lock: { label: '锁', body: '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>' },
  download: { label: '导出', body: '<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>' },
  close: { label: '注销', body: '<path d="M6 6l12 12M18 6L6 18"/>' },
  search: { label: '没有找到', body: '<circle cx="11" cy="11" r="7"/><path d="M16.5 16.5L21 21"/>' },
  sad: {
    label: '出错了',
    body: '<circle cx="12" cy="12" r="9"/><path d="M8 16.5c2.5-2.5 5.5-2.5 8 0"/><path d="M9 9.5v.5M15 9.5v.5"/>',
  },
  sprout: { label: '还没有内容', body: '<path d="M12 21V11"/><path d="M12 11C12 7 9 5 5 5c0 4 3 6 7 6z"/><path d="M12 13c0-4 3-6 7-6 0 4-3 6-7 6z"/>' },
  check: { label: '完成', body: '<circle cx="12" cy="12" r="9"/><path d="M8 12l3 3 5-6"/>' },
  celebrate: { label: '好消息', body: '<path d="M4 20l5-13 8 8z"/><path d="M14 4v2M18 6l-1.5 1.5M20 10h-2"/>' },
  refund: { label: '退款', body: '<path d="M9 5L4 10l5 5"/><path d="M4 10h10a6 6 0 0 1 0 12h-3"/>' },
  cross: { label: '答错', body: '<circle cx="12" cy="12" r="9"/><path d="M9 9l6 6M15 9l-6 6"/>' },
  match: { label: '配捐', body: '<path d="M2 12l4-4 4 2 3-2 4 1 5 3"/><path d="M6 8l7 8 2-1 2 1 3-3"/><path d="M10 12l3 3"/>' },
  crown: { label: '队长', body: '<path d="M4 18L3 7l5 4 4-6 4 6 5-4-1 11z"/><path d="M4 21h16"/>' },
  elderly: { label: '助老', body: '<circle cx="10" cy="4.5" r="2"/><path d="M10 7l-2 6 3 2-1 6M8 13l-2 8M10 9l4 2"/><path d="M17 11v10"/>' },
  children: { label: '儿童', body: '<circle cx="12" cy="6" r="3"/><path d="M7 12l5-2 5 2M12 10v6M9 21l3-5 3 5"/>' },
  book: { label: '教育', body: '<path d="M3 5c3-1 6-1 9 1 3-2 6-2 9-1v14c-3-1-6-1-9 1-3-2-6-2-9-1z"/><path d="M12 6v14"/>' },
  health: { label: '健康', body: '<rect x="3" y="3" width="18" height="18" rx="4"/><path d="M12 8v8M8 12h8"/>' },
  tree: { label: '环保', body: '<path d="M12 3l6 8h-3l4 6H5l4-6H6z"/><path d="M12 17v4"/>' },
  palette: {
    label: '文化',
    body: '<path d="M12 3a9 9 0 0 0 0 18c1.5 0 2-1 1.5-2s0-2.5 1.5-2.5H18a3 3 0 0 0 3-3C21 7 17 3 12 3z"/><circle cx="7.5" cy="11" r="1"/><circle cx="10" cy="7" r="1"/><circle cx="15" cy="7.5" r="1"/>',
  },
  wheat: {
    label: '乡村',
    body: '<path d="M12 21V5"/><path d="M12 9c-3 0-4-2-4-4 3 0 4 2 4 4zM12 9c3 0 4-2 4-4-3 0-4 2-4 4zM12 14c-3 0-4-2-4-4 3 0 4 2 4 4zM12 14c3 0 4-2 4-4-3 0-4 2-4 4z"/>',
  },
  wheelchair: { label: '助残', body: '<circle cx="9" cy="4" r="1.8"/><path d="M9 7v6h6l2 5h2"/><path d="M9 10h5"/><circle cx="10" cy="16.5" r="4.5"/>' },
  sparkle: { label: '其他', body: '<path d="M12 3l2 7 7 2-7 2-2 7-2-7-7-2 7-2z"/>' },
  cup: { label: '自带杯', body: '<path d="M5 8h12l-1.5 12h-9z"/><path d="M4 5h14v3H4z"/><path d="M17 11h2a2 2 0 0 1 0 4h-2.5"/>' },
  bag: { label: '不要塑料袋', body: '<path d="M5 8h14l-1 13H6z"/><path d="M9 10V6a3 3 0 0 1 6 0v4"/><path d="M4 20L20 4"/>' },
  receipt: { label: '电子小票', body: '<path d="M6 3h12v18l-3-2-3 2-3-2-3 2z"/><path d="M9 8h6M9 12h6M9 16h3"/>' },
  chopsticks: { label: '不用一次性餐具', body: '<path d="M8 3l2 18M16 3l-2 18"/><circle cx="12" cy="12" r="10"/><path d="M5 5l14 14"/>' },
} satisfies Record<string, IconShape>

export type IconName = keyof typeof ICON_SHAPES
