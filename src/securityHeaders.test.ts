import { describe, expect, it } from 'vitest'
import nginxDoc from '../docs/security-headers.md?raw'
import headersFile from '../public/_headers?raw'
import { SECURITY_HEADERS } from './securityHeaders'

const files: Record<string, string> = { 'public/_headers': headersFile, 'docs/security-headers.md': nginxDoc }
const read = (path: string) => files[path] ?? ''

describe('Security headers for static hosts', () => {
  it('forbid framing and guessing types, and send no referrer', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("script-src 'self'")
    expect(SECURITY_HEADERS).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' })
  })

  it.each(Object.entries(SECURITY_HEADERS))('public/_headers and the nginx snippet send %s as the app does', (name, value) => {
    expect(read('public/_headers')).toContain(`  ${name}: ${value}\n`)
    expect(read('docs/security-headers.md')).toContain(`add_header ${name} "${value}" always;`)
  })
})
