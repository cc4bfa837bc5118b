import { CopyButton } from '../components'

/** What to type on a real cluster for the same step; each command copies with one click. */
export function StepCommands({ commands }: { commands: readonly string[] }) {
  if (commands.length === 0) return null
  return (
    <section className="ws-commands" aria-labelledby="ws-commands-title">
      <h3 id="ws-commands-title" className="ws-subtitle">
        On a real cluster
      </h3>
      <ol>
        {commands.map((command, i) => (
          <li key={i} role="group" aria-label={`Command ${i + 1}`} className="ws-command">
            <pre>
              <code>{command}</code>
            </pre>
            <CopyButton text={command} label="Copy" />
          </li>
        ))}
      </ol>
    </section>
  )
}
