/** What the engine needs to evaluate (or check) a design under the store's options and request. */
import type { CheckInput } from '../engine/intent'
import { requestProfile } from './commit'
import { requestFor } from './tokens/profile'
import type { DesignerState } from './types'

export function checkInputOf(s: Pick<DesignerState, 'options' | 'request'>, clock: () => number): CheckInput {
  const now = s.request.frozenNow ?? clock()
  return {
    options: s.options,
    request: requestProfile(s.request, clock),
    ingressRequest: requestFor(s.request, 'ingress', now),
    keySets: new Map(Object.entries(s.request.keySets ?? {})),
  }
}
