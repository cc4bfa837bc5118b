import type { YamlTab } from '../../store/types'
import { Icon } from '../components'
import { TAB_TITLES } from './tabTitles'

export interface ListedProblem {
  tab: YamlTab
  line: number
  severity: 'error' | 'warning' | 'info'
  code?: string
  message: string
  /** The title of its quick fix, if it has one. */
  fix?: string
}

export interface ProblemsListProps {
  problems: ListedProblem[]
  onReveal(tab: YamlTab, line: number): void
  onFix(tab: YamlTab, line: number): void
}

const ICON = { error: 'error', warning: 'alert', info: 'info' } as const

/** Every problem of both tabs; a click shows its line in the editor; a problem with a quick fix has a Fix button. */
export function ProblemsList({ problems, onReveal, onFix }: ProblemsListProps) {
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.filter((p) => p.severity === 'warning').length
  return (
    <section className="problems" aria-labelledby="problems-title">
      <header className="problems-header">
        <h3 id="problems-title">Problems</h3>
        <span className="problems-summary" aria-live="polite">
          {problems.length === 0 ? (
            'None'
          ) : (
            <>
              {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}
              {problems.length > errors + warnings && `, ${problems.length - errors - warnings} info`}
            </>
          )}
        </span>
      </header>
      {problems.length > 0 && (
        <ul className="problems-list">
          {problems.map((p, i) => (
            <li key={`${p.tab}:${p.line}:${p.code ?? ''}:${i}`}>
              <button type="button" className={`problem problem-${p.severity}`} onClick={() => onReveal(p.tab, p.line)}>
                <span className="problem-icon">
                  <Icon name={ICON[p.severity]} size={14} />
                  <span className="visually-hidden">{p.severity}</span>
                </span>
                {p.code && <code className="problem-code">{p.code}</code>}
                <span className="problem-message">{p.message}</span>
                <span className="problem-where">
                  {TAB_TITLES[p.tab]}, line {p.line}
                </span>
              </button>
              {p.fix && (
                <button type="button" className="problem-fix" title={p.fix} aria-label={`Quick fix: ${p.fix}`} onClick={() => onFix(p.tab, p.line)}>
                  <Icon name="check" size={12} />
                  Fix
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
