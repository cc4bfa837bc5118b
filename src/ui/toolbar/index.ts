export { Toolbar } from './Toolbar'
export type { Notice, Notify } from './notice'
export { importNotice, isYamlFile, readFiles } from './importFiles'
