import { useEffect, useState } from 'react'
import type { KubeObject } from '../../engine'
import { importYamlText, useDesignerStore } from '../../store'
import { upsertObject } from '../../store/resourceEdits'
import { useIntentStore } from '../../store/intent'
import { keyOf } from '../../store'
import { Button } from '../components'
import { ChangesList } from './ChangesList'

const LABEL = 'edit to preview'

/** Objects pasted here replace (by kind, namespace and name) or join the design's. */
function merged(resources: readonly KubeObject[], objects: readonly KubeObject[]): KubeObject[] {
  return objects.reduce<KubeObject[]>((list, o) => upsertObject(list, o, list.some((x) => keyOf(x) === keyOf(o)) ? keyOf(o) : undefined), [...resources])
}

/**
 * Preview any edit before it is committed: paste the objects as they would be applied; the grid
 * shows what each cell would become and the list says which cells change. Apply is one undo step.
 */
export function TryEdit({ onDone }: { onDone(): void }) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string>()
  const preview = useIntentStore((s) => (s.preview?.label === LABEL ? s.preview : undefined))
  const previewEdit = useIntentStore((s) => s.previewEdit)

  useEffect(() => {
    const timer = setTimeout(() => {
      if (!text.trim()) {
        setProblem(undefined)
        return previewEdit(LABEL, undefined)
      }
      const { objects, problems } = importYamlText(text, 'edit.yaml')
      const error = problems.find((p) => p.severity === 'error')
      if (error) {
        setProblem(`line ${error.line}: ${error.message}`)
        return previewEdit(LABEL, undefined)
      }
      setProblem(undefined)
      previewEdit(LABEL, merged(useDesignerStore.getState().resources, objects))
    }, 250)
    return () => clearTimeout(timer)
  }, [text, previewEdit])

  useEffect(() => () => useIntentStore.getState().previewEdit(LABEL, undefined), [])

  function apply() {
    const { objects, problems } = importYamlText(text, 'edit.yaml')
    if (problems.some((p) => p.severity === 'error') || objects.length === 0) return
    previewEdit(LABEL, undefined)
    useDesignerStore.getState().applyEdit((resources) => merged(resources, objects), 'import')
    setText('')
    onDone()
  }

  return (
    <div className="try-edit">
      <label htmlFor="try-edit-text">Objects to apply (YAML); an object with the kind, namespace and name of one in the design replaces it</label>
      <textarea id="try-edit-text" rows={10} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder={'apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\n...'} />
      {problem && (
        <p className="compare-problem" role="alert">
          {problem}
        </p>
      )}
      {preview && <ChangesList diff={preview.diff} label="Cells the edit changes" />}
      <div className="fix-actions">
        <Button variant="primary" icon="check" disabled={!preview} onClick={apply}>
          Apply edit
        </Button>
        <Button onClick={() => setText('')}>Discard</Button>
      </div>
    </div>
  )
}
