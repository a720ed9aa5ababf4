// First: the runtime must know every WXML attribute before any page renders.
import './accessibility'
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { IS_WEAPP, isSignedIn, signInWithWechat, signedOutOnPurpose } from './services/auth'
import { listenForPrivacyRequests } from './services/privacy-prompt'
import { labelH5NavigationBar } from './components/h5-nav-bar'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Pages that read personal data show their own consent popup when WeChat asks for one.
    listenForPrivacyRequests()
    labelH5NavigationBar()
    // In WeChat the user never sees a login form: sign in with wx.login as soon as the app starts.
    // Tab pages also await ensureSignedIn(), which reuses this in-flight sign-in.
    // Not after 退出登录: then the login page waits for a tap.
    if (IS_WEAPP && !isSignedIn() && !signedOutOnPurpose()) {
      signInWithWechat().catch(() => {
        // The first tab page's ensureSignedIn() retries and falls back to the login page.
      })
    }
  })

  // children is the page being shown
  return children
}

export default App
