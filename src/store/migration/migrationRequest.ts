/** The request both grids of a migration check send: the designer's, at one instant. */
import type { GridRequest } from '../../engine/migrate'
import { requestFor } from '../tokens/profile'
import type { RequestSettings } from '../types'

export function migrationRequest(request: RequestSettings, now: number): GridRequest {
  const at = request.frozenNow ?? now
  return {
    request: requestFor(request, 'client', at),
    ingressRequest: requestFor(request, 'ingress', at),
    keySets: new Map(Object.entries(request.keySets ?? {})),
  }
}
