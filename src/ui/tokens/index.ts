export { TokenWorkbench } from './TokenWorkbench'
