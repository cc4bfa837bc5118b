import { useRef, useState } from 'react'
import { useDesignerStore } from '../../store'
import { MenuButton } from '../components'
import type { Notify } from './notice'
import { PasteDialog } from './PasteDialog'
import { readFiles } from './importFiles'

/** Import: open .yaml/.yml files (several at once) or paste YAML. Drag and drop lives in the app shell. */
export function ImportMenu({ notify }: { notify: Notify }) {
  const input = useRef<HTMLInputElement>(null)
  const [pasting, setPasting] = useState(false)
  const parsing = useDesignerStore((s) => s.parsing.import)

  async function onFiles(files: FileList | null) {
    if (!files || files.length === 0) return
    const sources = await readFiles([...files])
    if (input.current) input.current.value = '' // the same file can be picked again
    const result = await useDesignerStore.getState().importYaml(sources, 'replace')
    if (!result.ok) return notify({ tone: 'error', text: result.message })
    notify({ tone: 'success', text: result.summary })
  }

  async function onPaste(text: string, mode: 'replace' | 'add'): Promise<string | undefined> {
    const result = await useDesignerStore.getState().importYaml([{ name: 'The pasted YAML', text }], mode)
    if (!result.ok) return result.message
    const count = `${result.objects.length} ${result.objects.length === 1 ? 'object' : 'objects'}`
    notify({ tone: 'success', text: `${mode === 'add' ? 'Added' : 'Imported'} ${count} from the pasted YAML. Undo brings back the previous design.` })
    return undefined
  }

  return (
    <>
      <MenuButton
        label="Import"
        icon="upload"
        items={[
          { id: 'files', label: 'Open YAML files…', hint: 'Replaces the design; .yaml or .yml, several at once', icon: 'file', onSelect: () => input.current?.click() },
          { id: 'paste', label: 'Paste YAML…', hint: 'Replace the design or add to it', icon: 'paste', onSelect: () => setPasting(true) },
        ]}
      />
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,application/yaml,text/yaml"
        multiple
        hidden
        aria-label="YAML files to import"
        onChange={(e) => void onFiles(e.target.files)}
      />
      <PasteDialog open={pasting} onClose={() => setPasting(false)} onImport={onPaste} parsing={parsing} />
    </>
  )
}
