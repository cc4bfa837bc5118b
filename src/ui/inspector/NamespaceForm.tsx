import { useDesignerStore } from '../../store'
import { keyFor, namespaceInjection, setNamespaceInjection } from '../../store/commands'
import { runEdit } from './runEdit'
import { CheckField, FieldProblems, TextField } from './fields'
import { renameNamespaceBox } from './renames'
import { useDiagnostics } from './useSelected'

export function NamespaceForm({ name }: { name: string }) {
  const injection = useDesignerStore((s) => namespaceInjection(s.resources, name))
  const declared = useDesignerStore((s) => s.resources.some((o) => o.kind === 'Namespace' && o.metadata.name === name))
  const problems = useDiagnostics(keyFor('Namespace', '', name))
  return (
    <>
      <TextField label="Name" value={name} commitOnBlur onCommit={(to) => renameNamespaceBox(name, to)} problems={problems.filter((d) => d.path?.[1] === 'name')} />
      <CheckField
        label="Automatic sidecar injection"
        hint={<>Labels the namespace <code>istio-injection=enabled</code>: pods get a sidecar unless they opt out.</>}
        checked={injection}
        onChange={(on) => runEdit((r) => setNamespaceInjection(r, name, on), 'inspector')}
      />
      {!declared && <p className="inspector-note">No Namespace object declares this namespace; objects in it imply it.</p>}
      <FieldProblems diagnostics={problems.filter((d) => d.path?.[1] !== 'name')} />
    </>
  )
}
