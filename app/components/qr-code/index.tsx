import { useMemo } from 'react'
import { View } from '@tarojs/components'
import QRCode from 'qrcode'
import './index.scss'

/** Dark modules of one row merged into runs: [column, length]. */
type Run = [number, number]

interface QrMatrix {
  size: number
  rows: Run[][]
}

// Light margin around the symbol, in modules (the QR spec asks for 4).
const QUIET_ZONE = 4

function toMatrix(text: string): QrMatrix | null {
  if (!text) return null
  try {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const rows: Run[][] = []
    for (let r = 0; r < modules.size; r++) {
      const runs: Run[] = []
      let start = -1
      for (let c = 0; c <= modules.size; c++) {
        const dark = c < modules.size && modules.get(r, c) === 1
        if (dark && start < 0) start = c
        if (!dark && start >= 0) {
          runs.push([start, c - start])
          start = -1
        }
      }
      rows.push(runs)
    }
    return { size: modules.size, rows }
  } catch {
    return null
  }
}

const pct = (n: number) => `${Math.round(n * 10000) / 10000}%`

export interface QrCodeProps {
  text: string
  /** Extra class on the outer box (e.g. the page's stable marker). */
  className?: string
  /** Greys the code out, e.g. while an expired code is being replaced. */
  dimmed?: boolean
}

/**
 * A QR code drawn as plain Views (no canvas), so it renders the same in the mini-program and in
 * H5. Each row's neighbouring dark modules become one absolutely positioned View to keep the node
 * count low; positions are percentages of the square box.
 */
export default function QrCode({ text, className = '', dimmed = false }: QrCodeProps) {
  const matrix = useMemo(() => toMatrix(text), [text])
  if (!matrix) {
    return <View className={`qr-code qr-code-invalid ${className}`} />
  }
  const total = matrix.size + QUIET_ZONE * 2
  const unit = 100 / total
  // A hair taller than one module so neighbouring rows never show a seam.
  const rowHeight = pct(unit * 1.02)
  return (
    <View className={`qr-code ${dimmed ? 'qr-code-dimmed' : ''} ${className}`}>
      <View className='qr-code-box'>
        {matrix.rows.map((runs, r) =>
          runs.map(([c, len]) => (
            <View
              key={`${r}-${c}`}
              className='qr-code-dark'
              style={{
                left: pct((c + QUIET_ZONE) * unit),
                top: pct((r + QUIET_ZONE) * unit),
                width: pct(len * unit),
                height: rowHeight,
              }}
            />
          )),
        )}
      </View>
    </View>
  )
}
