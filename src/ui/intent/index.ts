export { IntentBar } from './IntentBar'
export { IntentEditor, INTENT_PATH } from './IntentEditor'
export { CellExpectation } from './CellExpectation'
export { useIntentOverlay, type IntentOverlay, type Violation } from './useIntentOverlay'
