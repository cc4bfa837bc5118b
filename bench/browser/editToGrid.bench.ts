/**
 * `npm run bench:browser` (after `npm run build`): the app in Debian's Chromium, measured to the
 * paint, never to the first DOM change.
 *
 * - cold load: navigation to the seed's grid painted (and whether Monaco or elk were fetched before);
 * - import -> grid painted, for each synthetic size (YAML file through the Import menu's file input);
 * - edit -> final grid painted: a click on a client's sidecar switch on the canvas; reported apart:
 *   the click handler (store work until click() returns), the grid in the store (`mad:grid-ready`),
 *   the grid in the table (`mad:grid-dom`) and the paint after it (a task posted from the next
 *   animation frame runs after that frame is drawn). The app settles (idle callback) between edits;
 * - grid scroll and canvas pan: frame times (requestAnimationFrame deltas) while scrolling/panning.
 *
 * Sizes: the seed and synthetic meshes of 50, 100 and 250 namespaces with 4 servers and 4 clients
 * each (200x200 ... 1,000x1,000 cells); import also at 500. Prints min/median/max; never fails.
 * Environment: BENCH_PORT (default 4175), BENCH_SIZES (e.g. `seed,50`), BENCH_IMPORT_SIZES,
 * BENCH_RUNS (edits per size, default 9), CHROMIUM_PATH.
 * The preview server runs in its own process group and is stopped with it, whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createConnection } from 'node:net'
import { chromium, type Browser, type Page } from 'playwright-core'
import { stringify } from 'yaml'
import { syntheticMesh } from '../../src/scenarios/synthetic/syntheticMesh'

const PORT = Number(process.env.BENCH_PORT ?? 4175)
const BASE = `http://127.0.0.1:${PORT}/`
const RUNS = Number(process.env.BENCH_RUNS ?? 9)
const SIZES = (process.env.BENCH_SIZES ?? 'seed,50,100,250').split(',').map((s) => s.trim())
const IMPORT_SIZES = (process.env.BENCH_IMPORT_SIZES ?? '50,100,250,500').split(',').map(Number).filter((n) => n > 0)
const APPS = 4
const VIEWPORT = { width: 1920, height: 1080 }

// ---- the preview server, in its own process group ----------------------------------------------

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function startPreview(): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // a process group of its own: stopPreview ends npx, node and vite together
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start within 60 s')), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(PORT))) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`vite preview exited with ${code}`))
    })
  })
}

function stopPreview(child: ChildProcess | undefined): void {
  if (!child?.pid) return
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}

// ---- statistics ---------------------------------------------------------------------------------

interface Stats {
  min: number
  median: number
  max: number
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted[sorted.length - 1] ?? NaN }
}

const fmt = (s: Stats) => `${s.min.toFixed(0).padStart(6)} ${s.median.toFixed(0).padStart(6)} ${s.max.toFixed(0).padStart(6)}`

function line(what: string, s: Stats, extra = ''): void {
  console.log(`${what.padEnd(44)}${fmt(s)}${extra ? `   ${extra}` : ''}`)
}

// ---- in-page helpers ----------------------------------------------------------------------------

/** Resolves after the page has been idle (an idle callback) and two more frames. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const idle = () => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { timeout: 5000 })
        setTimeout(idle, 200)
      }),
  )
}

interface EditTimes {
  click: number
  ready: number
  dom: number
  paint: number
}

/** One edit: click the switch, wait for the grid in the table after it, then for the next paint. */
async function timeOneEdit(page: Page, switchLabel: string): Promise<EditTimes> {
  return page.evaluate(async (label) => {
    const toggle = document.querySelector(`[aria-label="${label}"]`) as HTMLElement | null
    if (!toggle) throw new Error(`no switch ${label}`)
    const start = performance.now()
    const after = (name: string) => performance.getEntriesByName(name).find((e) => e.startTime >= start)?.startTime
    const dom = new Promise<number>((resolve) => {
      const observer = new PerformanceObserver(() => {
        const at = after('mad:grid-dom')
        if (at !== undefined) {
          observer.disconnect()
          resolve(at)
        }
      })
      observer.observe({ type: 'mark' })
    })
    toggle.click()
    const click = performance.now() - start
    const domAt = await dom
    // A task posted from the next animation frame runs once that frame has been drawn.
    const paintAt = await new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      }),
    )
    return { click, ready: (after('mad:grid-ready') ?? domAt) - start, dom: domAt - start, paint: paintAt - start }
  }, switchLabel)
}

/** Records requestAnimationFrame deltas while `act` runs. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__frames = []
    w.__recording = true
    let last = performance.now()
    const tick = (now: number) => {
      w.__frames.push(now - last)
      last = now
      if (w.__recording) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  await act()
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__recording = false
    return w.__frames.slice(1)
  })
}

function frameLine(what: string, frames: number[], budget: number): void {
  const over = frames.filter((f) => f > budget).length
  line(what, stats(frames), `${over} of ${frames.length} frames over ${budget} ms`)
}

/** A fresh profile (no saved design). tsx keeps function names with a `__name` helper that evaluated code lacks. */
async function newPage(browser: Browser): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript('globalThis.__name = (f) => f')
  return { page: await context.newPage(), close: () => context.close() }
}

// ---- scenarios ----------------------------------------------------------------------------------

function designYaml(namespaces: number): string {
  return syntheticMesh(namespaces, APPS)
    .map((o) => stringify(o))
    .join('---\n')
}

/** Imports a YAML file through the Import menu's input; resolves with the ms from the input's change to the grid painted. */
async function importDesign(page: Page, namespaces: number): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __importStart?: number }
    w.__importStart = undefined
    document.querySelector('input[type=file][aria-label="YAML files to import"]')?.addEventListener('change', () => (w.__importStart = performance.now()), { capture: true, once: true })
  })
  const expectedRows = namespaces * APPS
  await page.locator('input[type=file][aria-label="YAML files to import"]').setInputFiles({ name: `mesh-${namespaces}.yaml`, mimeType: 'application/yaml', buffer: Buffer.from(designYaml(namespaces)) })
  return page.evaluate(
    (rows) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __importStart?: number }
        const deadline = performance.now() + 300_000
        const check = () => {
          const start = w.__importStart
          const shown = document.querySelector('.grid-pane .pane-subtitle')?.textContent ?? ''
          const done = start !== undefined && shown.includes(`${rows} clients`) && !document.querySelector('.grid-computing')
          if (done) {
            requestAnimationFrame(() => {
              const channel = new MessageChannel()
              channel.port1.onmessage = () => resolve(performance.now() - (start as number))
              channel.port2.postMessage(null)
            })
          } else if (performance.now() > deadline) reject(new Error('import did not finish in 300 s'))
          else setTimeout(check, 5)
        }
        check()
      }),
    expectedRows,
  )
}

/** Zooms the canvas in around a namespace box until the switch is on screen (zoomed-out canvases draw boxes only). */
async function revealSwitch(page: Page, namespace: string, switchLabel: string): Promise<void> {
  const toggle = page.locator(`[aria-label="${switchLabel}"]`)
  // The pan before may have left the namespace off screen, where the canvas draws nothing: fit first.
  await page.getByRole('button', { name: 'Fit View' }).click()
  await page.waitForTimeout(300)
  for (let i = 0; i < 40 && !(await toggle.isVisible().catch(() => false)); i++) {
    const box = await page.getByTestId(`canvas.namespace.${namespace}`).boundingBox()
    if (!box) throw new Error(`no namespace box ${namespace}`)
    await page.mouse.move(box.x + Math.min(box.width / 2, 60), box.y + Math.min(box.height / 2, 60))
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, -300)
    await page.keyboard.up('Control')
    await page.waitForTimeout(150)
  }
  await toggle.waitFor({ state: 'visible', timeout: 10_000 })
}

async function measureEdits(page: Page, name: string, switchLabel: string): Promise<void> {
  const runs: EditTimes[] = []
  await settle(page)
  await timeOneEdit(page, switchLabel) // warm-up, not counted
  await settle(page)
  for (let i = 0; i < RUNS; i++) {
    runs.push(await timeOneEdit(page, switchLabel))
    await settle(page)
  }
  line(`${name}: click handler`, stats(runs.map((r) => r.click)))
  line(`${name}: grid in the store`, stats(runs.map((r) => r.ready)))
  line(`${name}: grid in the table`, stats(runs.map((r) => r.dom)))
  line(`${name}: edit -> grid painted`, stats(runs.map((r) => r.paint)), `(${RUNS} edits)`)
}

async function measureGridScroll(page: Page, name: string): Promise<void> {
  const frames = await frameTimes(page, async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const el = document.querySelector('.grid-scroll') as HTMLElement
          let n = 0
          const step = () => {
            el.scrollTop += 120
            el.scrollLeft += 160
            if (++n < 90) requestAnimationFrame(step)
            else resolve()
          }
          requestAnimationFrame(step)
        }),
    )
  })
  frameLine(`${name}: grid scroll frame`, frames, 16.7)
}

async function measureCanvasPan(page: Page, name: string): Promise<void> {
  // Fit the whole design first (the zoom a 250-namespace canvas is seen at), then drag the pane.
  await page.getByRole('button', { name: 'Fit View' }).click()
  await settle(page)
  const canvas = await page.getByTestId('canvas').boundingBox()
  if (!canvas) throw new Error('no canvas')
  const x = canvas.x + canvas.width / 2
  const y = canvas.y + canvas.height - 40
  const frames = await frameTimes(page, async () => {
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let i = 0; i < 60; i++) await page.mouse.move(x + (i % 20) * 8 - 80, y - (i % 10) * 4)
    await page.mouse.up()
  })
  frameLine(`${name}: canvas pan frame`, frames, 33)
}

async function measureColdLoad(browser: Browser): Promise<void> {
  const loads: number[] = []
  const early = new Set<string>()
  for (let i = 0; i < RUNS; i++) {
    const { page, close } = await newPage(browser)
    const requests: { url: string; at: number }[] = []
    const t0 = Date.now()
    page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() - t0 }))
    await page.goto(BASE)
    const visible = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const done = () =>
            requestAnimationFrame(() => {
              const channel = new MessageChannel()
              channel.port1.onmessage = () => resolve(performance.now())
              channel.port2.postMessage(null)
            })
          if (performance.getEntriesByName('mad:grid-dom').length > 0) return done()
          const observer = new PerformanceObserver(() => {
            if (performance.getEntriesByName('mad:grid-dom').length === 0) return
            observer.disconnect()
            done()
          })
          observer.observe({ type: 'mark' })
        }),
    )
    loads.push(visible)
    const gridAt = (await page.evaluate(() => performance.getEntriesByName('mad:grid-dom')[0]?.startTime ?? 0)) + 0
    for (const r of requests) {
      const chunk = /assets\/([a-zA-Z]+)[-.]/.exec(r.url)?.[1] ?? ''
      if (r.at < gridAt && /monaco|editor|elk|yaml\.worker/i.test(r.url)) early.add(chunk)
    }
    await close()
  }
  line('cold load -> seed grid painted', stats(loads), early.size ? `fetched before the grid: ${[...early].join(', ')}` : 'Monaco and elk fetched after the grid')
}

// ---- main ---------------------------------------------------------------------------------------

let preview: ChildProcess | undefined
const stopAll = () => stopPreview(preview)
process.on('exit', stopAll)
process.on('SIGINT', () => process.exit(130))
process.on('SIGTERM', () => process.exit(143))

if (await portInUse(PORT)) {
  console.error(`Port ${PORT} is in use (an old preview server?); set BENCH_PORT or stop it.`)
  process.exit(2)
}
preview = await startPreview()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
})
try {
  console.log(`${'Chromium, ms'.padEnd(44)}${'min'.padStart(6)} ${'median'.padStart(6)} ${'max'.padStart(6)}`)
  if (SIZES.includes('seed')) {
    await measureColdLoad(browser)
    const { page, close } = await newPage(browser)
    await page.goto(BASE)
    await page.getByRole('table', { name: 'Connectivity' }).waitFor()
    await measureEdits(page, 'seed (3 x 3)', 'Sidecar for sleep.foo')
    await close()
  }
  for (const n of [...new Set([...SIZES.filter((s) => s !== 'seed').map(Number), ...IMPORT_SIZES])].sort((a, b) => a - b)) {
    const { page, close } = await newPage(browser)
    await page.goto(BASE)
    await page.getByRole('table', { name: 'Connectivity' }).waitFor()
    await settle(page)
    const name = `${n} namespaces (${n * APPS} x ${n * APPS})`
    if (IMPORT_SIZES.includes(n)) line(`${name}: import -> grid painted`, stats([await importDesign(page, n)]), '(1 import)')
    if (SIZES.includes(String(n))) {
      if (!IMPORT_SIZES.includes(n)) await importDesign(page, n)
      await settle(page)
      await measureGridScroll(page, name)
      await measureCanvasPan(page, name)
      await revealSwitch(page, 'ns-1', 'Sidecar for client.ns-1')
      await measureEdits(page, name, 'Sidecar for client.ns-1')
    }
    await close()
  }
} finally {
  await browser.close()
  stopAll()
}
