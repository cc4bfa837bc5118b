export { RequestLoopTool } from './RequestLoopTool'
export { RunLoopButton } from './RunLoopButton'
export { RunLoopSection } from './RunLoopSection'
