/** Intent: expectations, their check against a design, differences between designs, the smallest fix. */
export type * from './types'
export { parseClientSet, parseTargetSet, parseOutcome, formatClientSet, formatTargetSet, formatOutcome } from './sets'
export { clientMatches, targetMatches, specificity, governingExpectation, requestKey } from './match'
export { outcomeHolds, formatGot } from './outcome'
export { checkModel, checkObjects, checkGrid, gridFor, modelOf, applyIntentRequest, clientRefOf, targetRefOf, requestsOf, type CellCheck, type IntentCheck, type CheckInput } from './check'
export { searchFixes, MAX_EDITS, DEFAULT_MAX_EVALUATIONS, type Fix, type FixSearchResult, type Conflict, type SearchOptions } from './fix/search'
export { candidateEdits, type CandidateEdit, type Scope, type ProfileCandidates } from './fix/candidates'
export { diffGrids, diffDesigns, changedObjects, type CellChange, type ObjectChange, type DesignDiff } from './diff'
