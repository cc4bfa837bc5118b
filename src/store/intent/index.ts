/** Intent in the designer: marks on the grid, the fix search, snapshots and comparisons. */
export { useIntentStore, createIntentStore, parsedIntent, currentCheckInput, withFix, type IntentState, type SuggestState, type Comparison, type Preview } from './intentStore'
export { intentMarks, NO_MARKS, clientOfRow, targetOfColumn, type CellMark, type IntentMarks } from './intentMarks'
export { LAST_EXPORT, SNAPSHOTS_KEY, readSnapshots, type Snapshot } from './snapshots'
export { yamlDiffOf, diffLines, type DiffLine, type ObjectYamlDiff } from './yamlDiff'
