/**
 * `npx tsx bench/browser/profile.ts`: a CPU profile of one import or three sidecar edits (MODE=import|edit, N
 * namespaces) in a preview of an unminified build (`npx vite build --minify false --outDir DIR`, OUT=DIR,
 * BENCH_PORT), printed as self and inclusive time per function. For finding where the time goes.
 */
import { spawn } from 'node:child_process'
import { chromium, type Page } from 'playwright-core'
import { stringify } from 'yaml'
import { syntheticMesh } from '../../src/scenarios/synthetic/syntheticMesh'
const PORT = Number(process.env.BENCH_PORT ?? 4176)
const N = Number(process.env.N ?? 50)
const child = spawn('npx', ['vite', 'preview', '--outDir', process.env.OUT ?? 'dist', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
await new Promise<void>((r) => child.stdout!.on('data', (c: Buffer) => { if (c.toString().includes(String(PORT))) r() }))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  await context.addInitScript('globalThis.__name = (f) => f')
  const page = await context.newPage()
  await page.goto(`http://127.0.0.1:${PORT}/`)
  await page.getByRole('table', { name: 'Connectivity' }).waitFor()
  const yaml = syntheticMesh(N, 4).map((o) => stringify(o)).join('---\n')
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  const mode = process.env.MODE ?? 'edit'
  if (mode === 'import') await cdp.send('Profiler.start')
  const t0 = Date.now()
  await page.locator('input[type=file][aria-label="YAML files to import"]').setInputFiles({ name: 'm.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) })
  await page.waitForFunction((rows) => (document.querySelector('.grid-pane .pane-subtitle')?.textContent ?? '').includes(`${rows} clients`), N * 4, { timeout: 600000 })
  console.log('import ms', Date.now() - t0)
  await page.waitForTimeout(3000)
  if (mode === 'edit') {
    const toggle = page.locator('[aria-label="Sidecar for client.ns-1"]')
    for (let i = 0; i < 30 && !(await toggle.isVisible().catch(() => false)); i++) {
      const box = await page.getByTestId('canvas.namespace.ns-1').boundingBox()
      await page.mouse.move(box!.x + 40, box!.y + 40)
      await page.keyboard.down('Control'); await page.mouse.wheel(0, -300); await page.keyboard.up('Control')
      await page.waitForTimeout(200)
    }
    await page.waitForTimeout(1000)
    await cdp.send('Profiler.start')
    for (let i = 0; i < 3; i++) {
      const t = Date.now()
      await toggle.evaluate((el) => (el as HTMLElement).click())
      await page.waitForTimeout(1500)
      console.log('edit', Date.now() - t)
    }
  }
  const { profile } = await cdp.send('Profiler.stop')
  const self = new Map<string, number>()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const dt = profile.timeDeltas ?? []
  profile.samples?.forEach((id, i) => {
    const n = byId.get(id)!
    const f = n.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
  })
  // inclusive by function name
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  console.log('total ms', total.toFixed(0))
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(0).padStart(7), k)
  // inclusive
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const incl = new Map<string, number>()
  profile.samples?.forEach((id, i) => {
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
      if (seen.has(key)) continue
      seen.add(key)
      incl.set(key, (incl.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
    }
  })
  console.log('--- inclusive')
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(v.toFixed(0).padStart(7), k)
} finally {
  await browser.close()
  process.kill(-child.pid!, 'SIGTERM')
}
