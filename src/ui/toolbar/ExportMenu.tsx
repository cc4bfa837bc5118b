import { exportAllYaml, exportIstioYaml, exportKubectlApply, useDesignerStore } from '../../store'
import { copyText, downloadFile, MenuButton } from '../components'
import { hiddenCellsText, useWorkshopStore } from '../../store/workshop'
import { drawGridPng } from '../grid'
import { useIntentStore } from '../../store/intent'
import type { Notify } from './notice'

/** Export the Istio YAML, a paste-ready kubectl block, the whole design, or the grid as a picture. */
export function ExportMenu({ notify }: { notify: Notify }) {
  async function savePng() {
    const { gridState, request, options } = useDesignerStore.getState()
    const grid = gridState.grid
    if (!grid || grid.rows.length === 0 || grid.columns.length === 0) return notify({ tone: 'error', text: 'The grid is empty: there is nothing to save.' })
    try {
      const png = await drawGridPng(grid, {
        title: 'Connectivity',
        subtitle: `curl ${request.path} · Istio ${options.profile} profile · R11 ${options.r11} · ${new Date().toLocaleString()}`,
        // No change marks: they only mean something next to the last edit, not in a picture for others.
        hidden: new Set(hiddenCellsText(useWorkshopStore.getState()).split('\n').filter(Boolean)),
      })
      downloadFile('connectivity.png', png)
    } catch (e) {
      notify({ tone: 'error', text: `Could not draw the grid: ${e instanceof Error ? e.message : String(e)}` })
    }
  }

  // Every export is remembered, so the design can be compared with "Last export" later.
  const remember = () => useIntentStore.getState().rememberExport()

  return (
    <MenuButton
      label="Export"
      icon="download"
      alignRight
      items={[
        { id: 'istio', label: 'Download Istio YAML', hint: 'istio.yaml: policies, rules, gateways', icon: 'download', onSelect: () => (downloadFile('istio.yaml', exportIstioYaml(useDesignerStore.getState())), remember()) },
        {
          id: 'copy-istio',
          label: 'Copy Istio YAML',
          hint: 'The same text, to the clipboard',
          icon: 'copy',
          onSelect: async () => {
            const yaml = exportIstioYaml(useDesignerStore.getState())
            if (!yaml.trim()) return notify({ tone: 'error', text: 'The design has no Istio config to copy.' })
            const copied = await copyText(yaml)
            notify(copied ? { tone: 'success', text: 'Copied the Istio YAML.' } : { tone: 'error', text: 'The clipboard is not available.' })
          },
        },
        {
          id: 'kubectl',
          label: 'Copy kubectl apply block',
          hint: 'A shell here-document of the whole design',
          icon: 'terminal',
          onSelect: async () => {
            const block = exportKubectlApply(useDesignerStore.getState())
            if (!block) return notify({ tone: 'error', text: 'The design is empty: there is nothing to apply.' })
            const copied = await copyText(block)
            notify(copied ? { tone: 'success', text: 'Copied a kubectl apply block with the whole design. Paste it into a shell.' } : { tone: 'error', text: 'The clipboard is not available.' })
          },
        },
        {
          id: 'all',
          label: 'Download everything',
          hint: 'mesh-design.yaml: workloads and Istio config',
          icon: 'file',
          onSelect: () => (downloadFile('mesh-design.yaml', exportAllYaml(useDesignerStore.getState())), remember()),
        },
        {
          id: 'intent',
          label: 'Download intent.yaml',
          hint: 'The expectations of the design',
          icon: 'check',
          onSelect: () => {
            const text = useDesignerStore.getState().intent
            if (!text.trim()) return notify({ tone: 'error', text: 'The design has no expectations yet.' })
            downloadFile('intent.yaml', text)
          },
        },
        { id: 'png', label: 'Save grid as PNG', hint: 'connectivity.png, with colours and symbols', icon: 'image', onSelect: () => void savePng() },
      ]}
    />
  )
}
