export { KeySetsPanel } from './KeySetsPanel'
