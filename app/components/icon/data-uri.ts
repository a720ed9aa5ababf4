import { ICON_SHAPES, type IconName } from './shapes'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of ASCII text; the mini-program runtime has no btoa, and an SVG here is plain ASCII. */
export function asciiToBase64(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i)
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN
    const triple = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += BASE64[(triple >> 18) & 63] + BASE64[(triple >> 12) & 63]
    out += Number.isNaN(b) ? '=' : BASE64[(triple >> 6) & 63]
    out += Number.isNaN(c) ? '=' : BASE64[triple & 63]
  }
  return out
}

/** The icon as an SVG file in a data URI: WeChat's <image> and H5's <img> both show it (base64, which WeChat on iOS needs). */
export function iconDataUri(name: IconName, color: string): string {
  const shape = ICON_SHAPES[name]
  const paint =
    'filled' in shape && shape.filled
      ? `fill="${color}" stroke="none"`
      : `fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" ${paint}>${shape.body}</svg>`
  return `data:image/svg+xml;base64,${asciiToBase64(svg)}`
}
