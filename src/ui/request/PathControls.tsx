import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { pathFor } from '../../store/tokens'
import { CommitInput } from './CommitInput'

const pathProblem = (path: string) => (path.startsWith('/') && !/\s/.test(path) ? undefined : 'A path starts with / and has no spaces, e.g. /ip or /headers.')

/**
 * One path per kind of row, as in the seed: pods curl `http://httpbin.foo:8000/ip`, the external client
 * curls `$INGRESS_HOST/headers`. The ingress path matters only when the design has a Gateway.
 */
export function PathControls() {
  const { request, hasGateway, setRequest } = useDesignerStore(
    useShallow((s) => ({ request: s.request, hasGateway: s.model.mesh.gateways.length > 0, setRequest: s.setRequest })),
  )
  return (
    <div className="reqbar-group">
      <label className="reqbar-field">
        <span className="reqbar-label">Path</span>
        <CommitInput aria-label="Path from pods" title="Path of the requests from pods (rows with a workload)" className="reqbar-input reqbar-path" value={request.path} spellCheck={false} check={pathProblem} onCommit={(path) => setRequest({ path })} />
      </label>
      <label className="reqbar-field" title={hasGateway ? 'Path of the external request through the ingress gateway' : 'Used once the design has a Gateway (the external row)'}>
        <span className="reqbar-label">Ingress</span>
        <CommitInput
          aria-label="Path through the ingress"
          className="reqbar-input reqbar-path"
          value={pathFor(request, 'ingress')}
          spellCheck={false}
          check={pathProblem}
          onCommit={(ingressPath) => setRequest({ ingressPath })}
        />
      </label>
    </div>
  )
}
