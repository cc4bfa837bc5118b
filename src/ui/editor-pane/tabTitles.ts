import type { YamlTab } from '../../store/types'

export const TAB_TITLES: Readonly<Record<YamlTab, string>> = { istio: 'Istio config', workloads: 'Workloads' }

/** Model URIs; the schema's fileMatch and the store's TAB_FILES name the same files. */
export const TAB_PATHS: Readonly<Record<YamlTab, string>> = { istio: 'file:///istio.yaml', workloads: 'file:///workloads.yaml' }
