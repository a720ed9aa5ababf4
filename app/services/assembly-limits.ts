// The contract's limits of promises and polls, copied because the contract modules that hold them
// carry zod, which the app leaves out; a unit test keeps the copy equal to the contract.
import type { TextField } from '../../functions/contract/fields'

const textField = (min: number, max: number, multiline = false): TextField => ({ kind: 'text', min, max, multiline })

export const EXTRA_FIELDS = {
  promiseText: textField(2, 200),
  pollQuestion: textField(2, 60),
  pollOption: textField(1, 30),
  pollOptionsMin: 2,
  pollOptionsMax: 5,
} as const
