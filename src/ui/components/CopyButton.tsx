import { useEffect, useState } from 'react'
import { Button } from './Button'
import { copyText } from './clipboard'

export interface CopyButtonProps {
  text: string
  /** Accessible name before copying, e.g. "Copy command". */
  label?: string
}

/** Copies `text` and says so for a moment ("Copied"), in a live region. */
export function CopyButton({ text, label = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1600)
    return () => clearTimeout(timer)
  }, [state])
  return (
    <Button icon={state === 'copied' ? 'check' : 'copy'} onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}</span>
    </Button>
  )
}
