import Taro from '@tarojs/taro'

/** The bill's anchor on 我的 (the id of its section title). */
export const BILL_ANCHOR_ID = 'me-bill'

// A tab page takes no query string, so the wish to land on the bill travels in module state.
let billWanted = false

/** 查看爱心账单: open 我的 scrolled to the bill, not to its top six rows above it. */
export function openBill(): Promise<unknown> {
  billWanted = true
  return Taro.switchTab({ url: '/pages/me/index' })
}

/** Once per openBill: true when this showing of 我的 should scroll to the bill. */
export function takeBillWish(): boolean {
  const wanted = billWanted
  billWanted = false
  return wanted
}

/** Scrolls 我的 to the bill once the page has drawn it. */
export function scrollToBill(): void {
  Taro.nextTick(() => {
    Taro.pageScrollTo({ selector: `#${BILL_ANCHOR_ID}`, duration: 0 }).catch(() => undefined)
  })
}
