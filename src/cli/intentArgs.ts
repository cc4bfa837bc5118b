/**
 * The intent options of `grid`, taken out of the argument list before the ordinary options are
 * parsed (so args.ts stays as it is):
 *
 *   --expect FILE      check the expectations of an intent.yaml against FILE...
 *   --junit FILE       with --expect: also write a JUnit XML report
 *   --suggest          with --expect: print the best fixes as YAML
 *   --diff OLD... --against NEW...   the cells that change from the OLD manifests to the NEW ones
 */
import { UsageError } from './args'

export interface IntentArgs {
  expect?: string
  junit?: string
  suggest: boolean
  /** Set with --diff: the old files; the new files stay in the ordinary file list. */
  diffOld?: string[]
}

export const INTENT_USAGE = `
Intent (see src/intent/FORMAT.md):
  --expect FILE    check the expectations in FILE (intent.yaml); prints each violation as
                   FROM to TO: expected X, got Y (rule R.., FILE:LINE); exit 1 if any is violated
  --junit FILE     with --expect: also write a JUnit XML report to FILE
  --suggest        with --expect: print the best fixes (at most three) as YAML
  --diff OLD... --against NEW...
                   print the cells whose outcome changes from the OLD manifests to the NEW ones as
                   FROM to TO: BEFORE -> AFTER (objects whose change moves it)`

/** Splits argv into the intent options and the rest (for parseGridArgs). */
export function extractIntentArgs(argv: readonly string[]): { intent: IntentArgs; rest: string[] } {
  const intent: IntentArgs = { suggest: false }
  const rest: string[] = []
  let collecting: 'old' | undefined
  let sawAgainst = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`)
      return v
    }
    if (arg === '--expect') intent.expect = value()
    else if (arg === '--junit') intent.junit = value()
    else if (arg === '--suggest') intent.suggest = true
    else if (arg === '--diff') {
      intent.diffOld = []
      collecting = 'old'
    } else if (arg === '--against') {
      if (!intent.diffOld) throw new UsageError('--against comes after --diff OLD_FILES...')
      sawAgainst = true
      collecting = undefined
    } else if (collecting === 'old' && !arg.startsWith('--')) intent.diffOld?.push(arg)
    else {
      // Another option ends the OLD list; its value (if any) is parsed by parseGridArgs.
      if (arg.startsWith('--')) collecting = undefined
      rest.push(arg)
    }
  }
  if (intent.diffOld && (intent.diffOld.length === 0 || !sawAgainst)) throw new UsageError('write --diff OLD_FILES... --against NEW_FILES...')
  if (intent.diffOld && intent.expect) throw new UsageError('--diff and --expect do not go together')
  if ((intent.junit || intent.suggest) && !intent.expect) throw new UsageError(`${intent.junit ? '--junit' : '--suggest'} needs --expect FILE`)
  return { intent, rest }
}
