export { Toolbar } from './Toolbar'
export type { Notice, Notify } from './notice'
export { isYamlFile, readFiles } from './importFiles'
