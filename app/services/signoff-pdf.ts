// The slips as a PDF made on the phone, with no PDF library. A general library (jsPDF and the
// like) is hundreds of KB and can only draw Chinese with an embedded CJK font of several MB, far
// over WeChat's 2 MB subpackage cap. A PDF may instead name one of Adobe's predefined CJK fonts
// (STSong-Light with the UniGB-UCS2-H encoding), which every PDF reader supplies itself; the QR
// codes are drawn as filled rectangles. A slip costs about 2 KB of PDF.
import QRCode from 'qrcode'
import type { Slip } from './signoff-slips'

const PAGE_W = 595 // A4 in points
const PAGE_H = 842
const COLUMNS = 2
const ROWS = 3
const MARGIN = 24
const CELL_W = (PAGE_W - MARGIN * 2) / COLUMNS
const CELL_H = (PAGE_H - MARGIN * 2) / ROWS
const QR_SIZE = 120

const num = (n: number) => (Math.round(n * 100) / 100).toString()

/** Text in the CJK font: UTF-16 code units as hex (UCS-2; a character outside the BMP becomes ?). */
function cjkHex(text: string): string {
  let hex = ''
  for (const char of Array.from(text)) {
    const unit = char.length === 1 ? char.charCodeAt(0) : 0x3f
    hex += unit.toString(16).padStart(4, '0').toUpperCase()
  }
  return `<${hex}>`
}

/** ASCII text for the Latin font, with PDF's string escapes. */
function latin(text: string): string {
  return `(${text.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1')})`
}

/**
 * The dark modules of a QR code as rectangles (one per run of a row), in a box at (x, y) from the
 * bottom left. The box is scaled to module units, so each rectangle is a few small integers.
 */
function qrRectangles(text: string, x: number, y: number, size: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const unit = size / n
  const out: string[] = [`q ${num(unit)} 0 0 ${num(unit)} ${num(x)} ${num(y)} cm`]
  for (let r = 0; r < n; r++) {
    let start = -1
    for (let c = 0; c <= n; c++) {
      const dark = c < n && modules.get(r, c) === 1
      if (dark && start < 0) start = c
      if (!dark && start >= 0) {
        // A hair taller than one module so neighbouring rows never show a seam.
        out.push(`${start} ${n - r - 1} ${c - start} 1.02 re`)
        start = -1
      }
    }
  }
  return `${out.join('\n')}\nf Q\n`
}

/** Cuts a line of the CJK font (every character one em wide) to the width it has, ending in …. */
function fit(text: string, size: number, width: number): string {
  const chars = Array.from(text)
  const room = Math.floor(width / size)
  return chars.length <= room ? text : chars.slice(0, Math.max(1, room - 1)).join('') + '…'
}

function slipContent(slip: Slip, title: string, column: number, row: number): string {
  const left = MARGIN + column * CELL_W
  const top = PAGE_H - MARGIN - row * CELL_H
  const textX = left + 16
  let s = `0.6 G 0.5 w [4 3] 0 d ${num(left + 4)} ${num(top - CELL_H + 4)} ${num(CELL_W - 8)} ${num(CELL_H - 8)} re S [] 0 d 0 g\n`
  s += qrRectangles(slip.code, left + (CELL_W - QR_SIZE) / 2, top - 16 - QR_SIZE, QR_SIZE)
  const width = CELL_W - 32
  // No spaces in the CJK lines: the predefined font sets every character, spaces too, one em wide.
  const lines: [string, number, string][] = [
    ['F2', 15, latin(slip.code)],
    ['F1', 12, cjkHex(fit(`${slip.maskedName}${slip.village ? `（${slip.village}）` : ''}`, 12, width))],
    ['F1', 12, cjkHex(fit(`${slip.item}：${slip.quantity}${slip.unit}`, 12, width))],
    ['F1', 9, cjkHex(fit(title, 9, width))],
  ]
  let y = top - 16 - QR_SIZE - 22
  for (const [font, size, text] of lines) {
    s += `BT /${font} ${size} Tf ${num(textX)} ${num(y)} Td ${text} Tj ET\n`
    y -= size + 8
  }
  return s
}

/** The PDF's bytes as a binary string (every character one byte; the file is all ASCII). */
export function slipsPdf(title: string, slips: Slip[]): string {
  const perPage = COLUMNS * ROWS
  const pageCount = Math.max(1, Math.ceil(slips.length / perPage))
  // Objects: 1 catalog, 2 pages, 3 CJK font, 4 Latin font, then per page its page and its content.
  const objects: string[] = []
  const pageIds: number[] = []
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>'
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 ' +
    '/BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor ' +
    '/FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>'
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>'
  for (let p = 0; p < pageCount; p++) {
    const pageId = 5 + p * 2
    const contentId = pageId + 1
    pageIds.push(pageId)
    let content = ''
    slips.slice(p * perPage, (p + 1) * perPage).forEach((slip, i) => {
      content += slipContent(slip, title, i % COLUMNS, Math.floor(i / COLUMNS))
    })
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`
    objects[contentId] = `<< /Length ${content.length} >>\nstream\n${content}endstream`
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`

  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`
  }
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return pdf
}
