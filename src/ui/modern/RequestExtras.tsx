import { useShallow } from 'zustand/react/shallow'
import { isModernProfile } from '../../engine'
import { useDesignerStore } from '../../store'
import { CommitInput } from '../request/CommitInput'
import { headerText, parseHeaderText } from './headerText'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']

const ipProblem = (ip: string) => (ip === '' || /^[0-9a-fA-F:.]+$/.test(ip) ? undefined : 'An IPv4 or IPv6 address, e.g. 203.0.113.7')

/**
 * Method and headers of every request, and the address the ingress gateway sees for the external row:
 * what AuthorizationPolicy rules match on (methods, request.headers[...], ipBlocks). Modern profiles only:
 * Istio 1.0/1.1 authentication reads none of them.
 */
export function RequestExtras() {
  const { request, modern, hasGateway, setRequest } = useDesignerStore(
    useShallow((s) => ({ request: s.request, modern: isModernProfile(s.options.profile), hasGateway: s.model.mesh.gateways.length > 0, setRequest: s.setRequest })),
  )
  if (!modern) return null
  const headerProblem = (text: string) => {
    const parsed = parseHeaderText(text)
    return parsed.ok ? undefined : parsed.message
  }
  return (
    <div className="reqbar-group">
      <label className="reqbar-field">
        <span className="reqbar-label">Method</span>
        <select className="reqbar-select reqbar-method" aria-label="Request method" value={request.method ?? 'GET'} onChange={(e) => setRequest({ method: e.target.value })}>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      <label className="reqbar-field">
        <span className="reqbar-label">Headers</span>
        <CommitInput
          aria-label="Request headers"
          title="Headers every request sends, as name: value; separated by semicolons"
          placeholder="x-token: admin"
          className="reqbar-input reqbar-headers"
          value={headerText(request.headers)}
          spellCheck={false}
          check={headerProblem}
          onCommit={(text) => {
            const parsed = parseHeaderText(text)
            if (parsed.ok) setRequest({ headers: parsed.headers })
          }}
        />
      </label>
      {hasGateway && (
        <label className="reqbar-field" title="The external client's address as the ingress gateway sees it (ipBlocks, source.ip)">
          <span className="reqbar-label">From IP</span>
          <CommitInput aria-label="Source IP of the external request" placeholder="unknown" className="reqbar-input reqbar-ip" value={request.sourceIp ?? ''} spellCheck={false} check={ipProblem} onCommit={(ip) => setRequest(ip ? { sourceIp: ip } : { sourceIp: undefined })} />
        </label>
      )}
    </div>
  )
}
