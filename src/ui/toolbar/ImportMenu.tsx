import { useRef, useState } from 'react'
import { useDesignerStore } from '../../store'
import { MenuButton } from '../components'
import type { Notify } from './notice'
import { PasteDialog } from './PasteDialog'
import { parseSources } from '../../store/importSources'
import { importParsed, readFiles } from './importFiles'

/** Import: open .yaml/.yml files (several at once) or paste YAML. Drag and drop lives in the app shell. */
export function ImportMenu({ notify }: { notify: Notify }) {
  const input = useRef<HTMLInputElement>(null)
  const [pasting, setPasting] = useState(false)
  const profile = useDesignerStore((s) => s.options.profile)

  async function onFiles(files: FileList | null) {
    if (!files || files.length === 0) return
    const result = parseSources(await readFiles([...files]))
    if (input.current) input.current.value = '' // the same file can be picked again
    const problem = importParsed(result, 'replace', notify)
    if (problem) notify({ tone: 'error', text: problem })
  }

  /** Replace: the pasted objects (and expectations) replace the design's; add: they join them. */
  function onPaste(text: string, mode: 'replace' | 'add'): string | undefined {
    return importParsed(parseSources([{ name: 'The pasted YAML', text }]), mode, notify)
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
      <PasteDialog open={pasting} onClose={() => setPasting(false)} onImport={onPaste} />
    </>
  )
}
