import { parseMarkdownLite } from './markdownLite'

/** A lesson's explanation or note: paragraphs with `code` spans. */
export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {parseMarkdownLite(text).map((parts, i) => (
        <p key={i}>{parts.map((part, j) => (part.kind === 'code' ? <code key={j}>{part.text}</code> : part.text))}</p>
      ))}
    </div>
  )
}
