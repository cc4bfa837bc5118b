export { Toolbar } from './Toolbar'
export type { Notice, Notify } from './notice'
export { isYamlFile, parseSources, readFiles } from './importFiles'
