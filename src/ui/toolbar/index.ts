export { Toolbar } from './Toolbar'
export type { Notice, Notify } from './notice'
export { importParsed, isYamlFile, readFiles } from './importFiles'
