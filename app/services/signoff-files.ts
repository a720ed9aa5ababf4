// Files of digital sign-off on the phone: a CSV of recipients read in, the slips' PDF written out.
import Taro from '@tarojs/taro'

/**
 * A CSV the person picks: from a WeChat chat (chooseMessageFile: a mini-program cannot browse the
 * phone's files) or, in H5, the browser's file input. Resolves null when they cancel.
 */
export async function chooseCsvText(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    let path: string
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] })
      path = res.tempFiles[0]?.path ?? ''
    } catch {
      return null
    }
    if (!path) return null
    return new Promise((resolve, reject) => {
      Taro.getFileSystemManager().readFile({
        filePath: path,
        encoding: 'utf8',
        success: (res) => resolve(String(res.data)),
        fail: reject,
      })
    })
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,.txt,text/csv,text/plain'
    input.onchange = () => {
      const file = input.files?.[0]
      if (!file) return resolve(null)
      file.text().then(resolve, () => resolve(null))
    }
    input.click()
  })
}

/** Binary string (one byte a character) to bytes. */
function toBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) & 0xff
  return bytes
}

/**
 * Hands the PDF to the person: H5 downloads it; WeChat writes it into the app's own files and opens
 * it with openDocument, whose menu can send or print it.
 */
export async function savePdf(fileName: string, binary: string): Promise<void> {
  const bytes = toBytes(binary)
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
    await new Promise<void>((resolve, reject) => {
      Taro.getFileSystemManager().writeFile({ filePath, data: bytes.buffer as ArrayBuffer, success: () => resolve(), fail: reject })
    })
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
    return
  }
  const url = URL.createObjectURL(new Blob([bytes.buffer as ArrayBuffer], { type: 'application/pdf' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
