// Share titles go to chats and 朋友圈, beyond the app's own checks, so they carry an object's own
// text only when that text is public (checked and not held for an admin); else a fixed title.

/** The object's title when it is public, inside `wrap`; otherwise the fixed title. */
export function shareTitle(text: string | null | undefined, isPublic: boolean, wrap: (text: string) => string, fixed: string): string {
  return text && isPublic ? wrap(text) : fixed
}

export const FIXED_SHARE_TITLE = '小红花：做好事赚小红花，把小红花送给梦想'
