import { useRef, useState } from 'react'
import { useDesignerStore } from '../../store'
import { MenuButton } from '../components'
import type { Notify } from './notice'
import { PasteDialog } from './PasteDialog'
import { importNotice, readFiles } from './importFiles'

/** Import: open .yaml/.yml files (several at once) or paste YAML. Drag and drop lives in the app shell. */
export function ImportMenu({ notify }: { notify: Notify }) {
  const input = useRef<HTMLInputElement>(null)
  const [pasting, setPasting] = useState(false)
  const profile = useDesignerStore((s) => s.options.profile)
  const parsing = useDesignerStore((s) => s.parsing.import)

  async function onFiles(files: FileList | null) {
    if (!files || files.length === 0) return
    const sources = await readFiles([...files])
    if (input.current) input.current.value = '' // the same file can be picked again
    notify(importNotice(await useDesignerStore.getState().importYaml(sources, 'replace')))
  }

  /** Replace: the pasted objects (and expectations) replace the design's; add: they join them. */
  async function onPaste(text: string, mode: 'replace' | 'add'): Promise<string | undefined> {
    const result = await useDesignerStore.getState().importYaml([{ name: 'The pasted YAML', text }], mode)
    if (!result.ok) return result.message
    notify(importNotice(result))
    return undefined
  }

  return (
    <>
      <MenuButton
        label="Import"
        icon="upload"
        items={[
          { id: 'files', label: 'Open YAML files…', hint: 'Replaces the design; .yaml or .yml, several at once; an intent file loads the expectations', icon: 'file', onSelect: () => input.current?.click() },
          { id: 'paste', label: 'Paste YAML…', hint: 'Replace the design or add to it; intent documents load the expectations', icon: 'paste', onSelect: () => setPasting(true) },
          {
            id: 'samples',
            label: `Istio ${profile} samples`,
            hint: 'Replaces the design: httpbin and sleep as that release ships them, in foo and bar (sidecars) and legacy (none)',
            icon: 'file',
            onSelect: () => {
              useDesignerStore.getState().loadIstioSamples()
              notify({ tone: 'success', text: `Loaded Istio ${profile}'s httpbin and sleep samples. Undo brings back the previous design.` })
            },
          },
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
