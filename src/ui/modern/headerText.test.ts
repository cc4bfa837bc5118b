import { describe, expect, it } from 'vitest'
import { headerText, parseHeaderText } from './headerText'

describe('request headers as text', () => {
  it('reads name: value pairs separated by semicolons, and writes them back', () => {
    const parsed = parseHeaderText(' x-token: admin ;x-user: ann b;; ')
    expect(parsed).toEqual({ ok: true, headers: { 'x-token': 'admin', 'x-user': 'ann b' } })
    expect(parsed.ok && headerText(parsed.headers)).toBe('x-token: admin; x-user: ann b')
  })

  it.each([
    ['x-token', '"x-token" is not name: value'],
    ['bad name: 1', '"bad name" is not a valid header name'],
    ['Authorization: Bearer x', 'Authorization comes from the token controls'],
  ])('refuses %j', (text, message) => {
    expect(parseHeaderText(text)).toEqual({ ok: false, message })
  })
})
