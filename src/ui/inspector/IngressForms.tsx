import type { KubeObject } from '../../engine'
import { keyOf, readGatewayForm, readVirtualServiceForm, writeGatewayForm, writeVirtualServiceForm, type GatewayForm as GForm, type VirtualServiceForm as VForm } from '../../store/commands'
import { FieldProblems, FieldRow, listText, problemsAt, SelectField, TextField, textList } from './fields'
import { renameObject } from './renames'
import { Section, SmallButton } from './Section'
import { useDiagnostics, writeObject } from './useSelected'

const PROTOCOLS = ['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'TCP', 'TLS', 'MONGO'].map((p) => ({ value: p, label: p }))

export function GatewayForm({ object }: { object: KubeObject }) {
  const key = keyOf(object)
  const diagnostics = useDiagnostics(key)
  const form = readGatewayForm(object)
  const write = (next: Partial<GForm>) => writeObject(writeGatewayForm(object, { ...form, ...next }))
  const at = (...path: (string | number)[]) => problemsAt(diagnostics, ['spec', 'servers', 0, ...path])
  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      <TextField label="Hosts" value={listText(form.hosts)} mono onCommit={(t) => write({ hosts: textList(t) })} problems={at('hosts')} />
      <TextField label="Port" type="number" value={String(form.port)} mono onCommit={(t) => write({ port: Number(t) })} problems={at('port', 'number')} />
      <TextField label="Port name" value={form.portName} mono onCommit={(portName) => write({ portName })} problems={at('port', 'name')} />
      <SelectField label="Protocol" value={form.protocol} options={PROTOCOLS} onChange={(protocol) => write({ protocol })} problems={at('port', 'protocol')} />
      <FieldProblems diagnostics={diagnostics.filter((d) => !(d.path?.[0] === 'metadata' || d.path?.[1] === 'servers'))} />
    </>
  )
}

export function VirtualServiceForm({ object }: { object: KubeObject }) {
  const key = keyOf(object)
  const diagnostics = useDiagnostics(key)
  const form = readVirtualServiceForm(object)
  const write = (next: Partial<VForm>) => writeObject(writeVirtualServiceForm(object, { ...form, ...next }))
  const at = (...path: (string | number)[]) => problemsAt(diagnostics, ['spec', ...path])
  const routes = form.routes
  const setRoute = (i: number, patch: Partial<VForm['routes'][number]>) => write({ routes: routes.map((r, j) => (j === i ? { ...r, ...patch } : r)) })
  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      <TextField label="Hosts" value={listText(form.hosts)} mono onCommit={(t) => write({ hosts: textList(t) })} problems={at('hosts')} />
      <TextField label="Gateways" value={listText(form.gateways)} mono placeholder="mesh" onCommit={(t) => write({ gateways: textList(t) })} problems={at('gateways')} />
      <Section title="Routes" action={<SmallButton label="Add route" onClick={() => write({ routes: [...routes, { prefix: '/', host: routes[0]?.host ?? '', port: routes[0]?.port ?? '' }] })}>+ Add</SmallButton>}>
        {routes.map((r, i) => (
          <fieldset key={i} className="inspector-fieldset">
            <legend>
              Route {i + 1}
              <SmallButton label={`Remove route ${i + 1}`} onClick={() => write({ routes: routes.filter((_, j) => j !== i) })}>
                ×
              </SmallButton>
            </legend>
            <TextField label={`Route ${i + 1} URI prefix`} value={r.prefix} mono placeholder="every request" onCommit={(prefix) => setRoute(i, { prefix })} problems={at('http', i, 'match')} />
            <FieldRow id={`inspector-route-${i}`} problems={at('http', i, 'route')}>
              <TextField label={`Route ${i + 1} service host`} value={r.host} mono onCommit={(host) => setRoute(i, { host })} problems={at('http', i, 'route')} problemsId={`inspector-route-${i}`} />
              <TextField label={`Route ${i + 1} port`} value={r.port} mono onCommit={(port) => setRoute(i, { port })} />
            </FieldRow>
          </fieldset>
        ))}
      </Section>
      <FieldProblems diagnostics={diagnostics.filter((d) => !(d.path?.[0] === 'metadata' || ['hosts', 'gateways', 'http'].includes(String(d.path?.[1]))))} />
    </>
  )
}
