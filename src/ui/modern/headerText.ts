/**
 * The request bar's headers field: `name: value` pairs separated by `;`, e.g. `x-token: admin; x-user: ann`.
 * Authorization is left to the token controls (they put the token there).
 */
const NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

export function parseHeaderText(text: string): { ok: true; headers: Record<string, string> } | { ok: false; message: string } {
  const headers: Record<string, string> = {}
  for (const part of text.split(';')) {
    if (part.trim() === '') continue
    const colon = part.indexOf(':')
    if (colon <= 0) return { ok: false, message: `"${part.trim()}" is not name: value` }
    const name = part.slice(0, colon).trim()
    if (!NAME.test(name)) return { ok: false, message: `"${name}" is not a valid header name` }
    if (name.toLowerCase() === 'authorization') return { ok: false, message: 'Authorization comes from the token controls' }
    headers[name] = part.slice(colon + 1).trim()
  }
  return { ok: true, headers }
}

export function headerText(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ')
}
