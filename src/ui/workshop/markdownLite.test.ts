import { describe, expect, it } from 'vitest'
import { parseMarkdownLite } from './markdownLite'

describe('markdown-lite', () => {
  it('splits paragraphs at blank lines and joins the lines of one paragraph', () => {
    expect(parseMarkdownLite('One\nline.\n\n  \nTwo.')).toEqual([[{ kind: 'text', text: 'One line.' }], [{ kind: 'text', text: 'Two.' }]])
  })

  it('finds code spans, and leaves a lone backtick and HTML as text', () => {
    expect(parseMarkdownLite('A `MeshPolicy` named `default` <b>x</b> `')).toEqual([
      [
        { kind: 'text', text: 'A ' },
        { kind: 'code', text: 'MeshPolicy' },
        { kind: 'text', text: ' named ' },
        { kind: 'code', text: 'default' },
        { kind: 'text', text: ' <b>x</b> `' },
      ],
    ])
  })

  it('gives nothing for blank text', () => {
    expect(parseMarkdownLite(' \n\n ')).toEqual([])
  })
})
