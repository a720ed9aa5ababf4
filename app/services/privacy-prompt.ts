import Taro from '@tarojs/taro'

// WeChat keeps one onNeedPrivacyAuthorization listener for the whole mini-program, and holds the
// personal-data API that triggered it until `resolve` is called. The listener is registered once
// at launch; each page that can trigger it mounts a PrivacyPopup, which presents the request. The
// popup mounted last belongs to the page on top, the one the person is looking at.

/** What a popup answers with: agreed (through the agree button with this id) or refused. */
export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' }

/** Shows the request to the person; calls `answer` once with what they chose. */
export type PrivacyPresenter = (answer: (choice: PrivacyAnswer) => void) => void

const presenters: PrivacyPresenter[] = []
let listening = false

/** Registers the one listener (WeChat only; a no-op in H5 and on base libraries without it). */
export function listenForPrivacyRequests(): void {
  if (process.env.TARO_ENV !== 'weapp' || listening || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  listening = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const present = presenters[presenters.length - 1]
    // No popup on this page: refuse now rather than hold the API forever; the caller explains.
    if (!present) {
      resolve({ event: 'disagree' })
      return
    }
    resolve({ event: 'exposureAuthorization' })
    let answered = false
    present((choice) => {
      if (answered) return
      answered = true
      resolve(choice)
    })
  })
}

/** Makes a popup the one that presents requests until the returned function removes it. */
export function addPrivacyPresenter(present: PrivacyPresenter): () => void {
  presenters.push(present)
  return () => {
    const index = presenters.lastIndexOf(present)
    if (index >= 0) presenters.splice(index, 1)
  }
}
