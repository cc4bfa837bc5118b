/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they read localStorage, sessionStorage and IndexedDB.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import LZString from 'lz-string'
import { parseAllDocuments } from 'yaml'

/**
 * Hostile input in the browser: a share link whose regexes would freeze a backtracking engine, an
 * autosaved design that cannot be opened, markup in every name, and a generated key pair. The page
 * starts, says what it refused, sends no request outside itself and runs no injected script.
 */

const seed = parseAllDocuments(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).map((d) => d.toJS() as Record<string, unknown>)

const vs = (name: string, regex: string) => ({
  apiVersion: 'networking.istio.io/v1alpha3',
  kind: 'VirtualService',
  metadata: { name, namespace: 'foo' },
  spec: { hosts: ['*'], gateways: ['httpbin-gateway'], http: [{ match: [{ uri: { regex } }], route: [{ destination: { host: 'httpbin.foo.svc.cluster.local', port: { number: 8000 } } }] }] },
})
const GATEWAY = {
  apiVersion: 'networking.istio.io/v1alpha3',
  kind: 'Gateway',
  metadata: { name: 'httpbin-gateway', namespace: 'foo' },
  spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] },
}

function link(resources: unknown[]): string {
  return `/#design=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, resources }))}`
}

/** Every request the page makes, and every dialog it opens. */
function watch(page: Page): { foreign: string[]; dialogs: string[] } {
  const seen = { foreign: [] as string[], dialogs: [] as string[] }
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:') seen.foreign.push(request.url())
  })
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return seen
}

const grid = (page: Page) => page.getByRole('table', { name: 'Connectivity' })

test.describe('Hostile input', () => {
  // Generous: the bound that matters is "the page answers", and CI machines are shared.
  test.setTimeout(120_000)

  test('a share link with catastrophic and refused regexes opens in bounded time and says what it refused', async ({ page }) => {
    const seen = watch(page)
    const resources = [...seed, GATEWAY, vs('evil', '(.*.*.*.*.*.*.*.*.*.*)*x'), vs('backref', '(a)\\1'), vs('huge', 'x{500}')]
    await page.goto(link(resources))
    // A backtracking engine would spin for minutes on every cell of the external row.
    await expect(grid(page).getByRole('rowheader', { name: 'sleep.foo' })).toBeVisible({ timeout: 30_000 })
    const banner = page.getByRole('alert').filter({ hasText: 'Opened a shared design' })
    await expect(banner).toContainText('IST0126')
    await expect(banner).toContainText('backreferences')
    await expect(banner).toContainText('IST0127')
    // The page still answers.
    await page.getByRole('button', { name: 'Dismiss message' }).first().click()
    await expect(banner).toBeHidden()
    expect(seen.foreign).toEqual([])
  })

  test('a reload after a bad autosave starts normally and offers the set-aside design', async ({ page }) => {
    const seen = watch(page)
    // A saved entry from a future version, planted once before the app's first start.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('planted')) return
      sessionStorage.setItem('planted', '1')
      localStorage.setItem('mesh-auth-designer:v1', JSON.stringify({ v: 7, resources: 'from the future' }))
    })
    await page.goto('/')
    await expect(grid(page)).toBeVisible({ timeout: 30_000 })
    const notice = page.getByRole('alert').filter({ hasText: 'Your last design could not be opened' })
    await expect(notice).toContainText('unsupported design version 7')
    await expect(notice.getByRole('button', { name: 'Open it anyway' })).toBeVisible()
    await expect(notice.getByRole('button', { name: 'Export it' })).toBeVisible()
    // Kept aside, not overwritten by the seed, across another reload.
    const aside = await page.evaluate(() => localStorage.getItem('mesh-auth-designer:v1:set-aside'))
    expect(aside).toContain('from the future')
    await page.reload()
    await expect(page.getByRole('alert').filter({ hasText: 'Your last design could not be opened' })).toBeVisible()
    await page.getByRole('button', { name: 'Discard it' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Your last design could not be opened' })).toBeHidden()
    expect(await page.evaluate(() => localStorage.getItem('mesh-auth-designer:v1:set-aside'))).toBeNull()
    expect(seen.foreign).toEqual([])
  })

  test('markup in every name renders as text: no element injected, no script run', async ({ page }) => {
    const seen = watch(page)
    const evil = '<img src=x onerror=alert(1)>'
    await page.addInitScript(() => {
      ;(window as unknown as { injected: number }).injected = 0
    })
    const resources = [
      ...seed,
      { apiVersion: 'v1', kind: evil, metadata: { name: evil, namespace: 'foo', labels: { [evil]: evil } } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'javascript:alert(1)', labels: { 'istio-injection': evil } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: evil, namespace: 'foo' }, spec: { selector: { app: evil }, ports: [{ name: evil, port: 8000 }] } },
    ]
    await page.goto(link(resources))
    await expect(grid(page)).toBeVisible()
    await expect(page.getByText(/Opened a shared design/)).toBeVisible({ timeout: 30_000 })
    await page.waitForTimeout(500)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(seen.dialogs).toEqual([])
    expect(seen.foreign).toEqual([])
  })

  test('the server sends the security headers: no framing, no type guessing, no referrer', async ({ page }) => {
    const response = await page.goto('/')
    const headers = response!.headers()
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')
  })

  test('a generated key pair: no storage the page uses holds its private key', async ({ page }) => {
    const seen = watch(page)
    await page.goto('/')
    await expect(grid(page)).toBeVisible({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Tokens', exact: true }).click()
    const tools = page.getByRole('complementary', { name: 'Tokens' })
    await tools.getByLabel('Sign with').selectOption('new:RS256')
    await tools.getByRole('button', { name: 'Generate token' }).click()
    await expect(tools.getByRole('region', { name: /^Token Generated 1/ })).toBeVisible()
    await page.waitForTimeout(1000)
    const stored = await page.evaluate(async () => {
      const dump: string[] = []
      for (const storage of [localStorage, sessionStorage]) {
        for (let i = 0; i < storage.length; i++) dump.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`)
      }
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name!)
          open.onsuccess = () => resolve(open.result)
          open.onerror = () => reject(open.error)
        })
        for (const name of Array.from(db.objectStoreNames)) {
          const all = await new Promise<unknown[]>((resolve) => {
            const request = db.transaction(name).objectStore(name).getAll()
            request.onsuccess = () => resolve(request.result)
          })
          dump.push(`${info.name}/${name}=${JSON.stringify(all)}`)
        }
        db.close()
      }
      const caches = 'caches' in window ? await window.caches.keys() : []
      return { dump: dump.join('\n'), caches }
    })
    // The token itself may be kept; a private key (JWK "d", "p", "q" or a PEM) never.
    expect(stored.dump).toContain('Generated 1')
    expect(stored.dump).not.toMatch(/"d"\s*:|"p"\s*:|"q"\s*:|PRIVATE KEY/)
    expect(stored.caches).toEqual([])
    expect(seen.foreign).toEqual([])
  })
})
