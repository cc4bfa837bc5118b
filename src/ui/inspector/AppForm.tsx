import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { appMembers, appName, appPorts, keyOf, setAppPorts, setAppSidecar, type AppPort } from '../../store/commands'
import type { ResourceKey } from '../../engine'
import { runEdit } from './runEdit'
import { CheckField, FieldProblems, FieldRow, problemsAt, TextField } from './fields'
import { renameAppNode } from './renames'
import { Section, SmallButton } from './Section'

/** A Service and its workload(s), edited as one app. */
export function AppForm({ appKey }: { appKey: ResourceKey }) {
  const { name, ports, members, workload, diagnostics } = useDesignerStore(
    useShallow((s) => {
      const keys = appMembers(s.resources, appKey).map(keyOf)
      return {
        name: appName(s.resources, appKey),
        ports: JSON.stringify(appPorts(s.resources, appKey)),
        members: keys.join('\n'),
        workload: s.model.mesh.workloads.find((w) => keys.includes(w.key)),
        diagnostics: s.model.diagnostics,
      }
    }),
  )
  const portList = JSON.parse(ports) as AppPort[]
  const memberKeys = members.split('\n')
  const serviceKey = memberKeys.find((k) => k.startsWith('Service/'))
  const mine = diagnostics.filter((d) => d.resource !== undefined && memberKeys.includes(d.resource))
  const servicePortProblems = mine.filter((d) => d.resource === serviceKey)
  const writePorts = (next: AppPort[]) => runEdit((r) => setAppPorts(r, appKey, next), 'inspector')

  return (
    <>
      <TextField label="Name" value={name} commitOnBlur onCommit={(to) => renameAppNode(appKey, to)} hint="Renames the Service, its Deployment and the app label; policies and rules that name the service follow." />
      <CheckField
        label="Envoy sidecar in the pod"
        checked={workload?.sidecar === true}
        hint={workload?.sidecarReason}
        onChange={(on) => runEdit((r) => setAppSidecar(r, appKey, on), 'inspector')}
      />
      {serviceKey && (
        <Section title="Ports" action={<SmallButton label="Add port" onClick={() => writePorts([...portList, { name: `port-${portList.length + 1}`, port: nextPort(portList) }])}>+ Add</SmallButton>}>
          {portList.map((p, i) => (
            <FieldRow key={i} id={`inspector-port-${i}`} problems={problemsAt(servicePortProblems, ['spec', 'ports', i])}>
              <TextField label={`Port ${i + 1} name`} value={p.name} mono onCommit={(v) => writePorts(portList.map((q, j) => (j === i ? { ...q, name: v } : q)))} problems={problemsAt(servicePortProblems, ['spec', 'ports', i, 'name'])} problemsId={`inspector-port-${i}`} />
              <TextField label={`Port ${i + 1} number`} type="number" value={String(p.port)} mono onCommit={(v) => writePorts(portList.map((q, j) => (j === i ? { ...q, port: Number(v) } : q)))} problems={problemsAt(servicePortProblems, ['spec', 'ports', i, 'port'])} problemsId={`inspector-port-${i}`} />
              <SmallButton label={`Remove port ${p.port}`} onClick={() => writePorts(portList.filter((_, j) => j !== i))}>
                ×
              </SmallButton>
            </FieldRow>
          ))}
          <p className="field__hint">The port name sets the protocol Istio assumes (http, http2, grpc, https, tcp…).</p>
        </Section>
      )}
      <FieldProblems diagnostics={mine.filter((d) => !(d.resource === serviceKey && d.path?.[1] === 'ports'))} />
    </>
  )
}

function nextPort(ports: readonly AppPort[]): number {
  return Math.max(8000, ...ports.map((p) => p.port)) + 1
}
