import type { NodeProblems } from '../flowTypes'

/** Red (error) or amber (warning) corner badge; the title lists what the model found. */
export function ProblemBadge({ problems }: { problems: NodeProblems | undefined }) {
  if (!problems) return null
  const count = problems.messages.length
  const label = `${count} ${problems.severity === 'error' ? (count === 1 ? 'error' : 'errors') : count === 1 ? 'warning' : 'warnings'}: ${problems.messages.join(' ')}`
  return (
    <span className={`node-badge node-badge--${problems.severity}`} role="img" aria-label={label} title={problems.messages.join('\n')}>
      !
    </span>
  )
}
