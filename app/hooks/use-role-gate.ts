import { useCallback, useRef, useState } from 'react'
import { getMe } from '../services/api'
import { getStoredUser } from '../services/auth'
import type { Role } from '../../functions/contract'

/**
 * A console page's role check, against the roles the server holds now (a role granted or
 * revoked since sign-in shows after a refresh). `check` answers whether to load the page's data.
 */
export function useRoleGate(role: Role) {
  const [allowed, setAllowed] = useState<boolean | null>(getStoredUser()?.roles.includes(role) ? true : null)
  const generationRef = useRef(0)
  const check = useCallback(async (): Promise<boolean> => {
    const generation = ++generationRef.current
    let roles: Role[] | undefined
    try {
      roles = (await getMe()).user.roles
    } catch {
      roles = getStoredUser()?.roles
    }
    if (generation !== generationRef.current) return false
    const ok = Boolean(roles?.includes(role))
    setAllowed(ok)
    return ok
  }, [role])
  return { allowed, check }
}
