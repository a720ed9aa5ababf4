// Taro's H5 router draws the title bar itself (app.config.ts asks for it), but its back and home
// controls are bare <div>s with an icon: no accessible name, no keyboard. This names them once
// the bar exists. The mini-program has WeChat's own bar, so this runs on H5 only.

const BAR_ID = 'taro-navigation-bar'
const CONTROLS: { className: string; label: string }[] = [
  { className: 'taro-navigation-bar-back', label: '返回' },
  { className: 'taro-navigation-bar-home', label: '回到首页' },
]
// The router inserts the bar while it starts, which may be just after the app launches.
const MAX_FRAMES = 120

function nameControls(bar: HTMLElement): void {
  for (const { className, label } of CONTROLS) {
    const control = bar.getElementsByClassName(className)[0] as HTMLElement | undefined
    if (!control || control.getAttribute('role') === 'button') continue
    control.setAttribute('role', 'button')
    control.setAttribute('aria-label', label)
    control.tabIndex = 0
    control.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        control.click()
      }
    })
  }
  const title = bar.getElementsByClassName('taro-navigation-bar-title')[0]
  title?.setAttribute('role', 'heading')
  title?.setAttribute('aria-level', '1')
}

/** Gives the H5 title bar's back and home controls names and keyboard use (a no-op elsewhere). */
export function labelH5NavigationBar(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  let frames = 0
  const attempt = () => {
    const bar = document.getElementById(BAR_ID)
    if (bar) nameControls(bar)
    else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt)
  }
  attempt()
}
