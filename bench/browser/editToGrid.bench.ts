/**
 * `npm run bench:browser` (after `npm run build`): in Debian's Chromium, the time from an edit on the
 * canvas (a click on a workload's sidecar switch) to the updated connectivity grid in the DOM, for the
 * seed and for a 50-namespace mesh (4 servers and 4 clients per namespace: 200 x 200 cells).
 * Prints medians; never fails. Targets (issue 3): under 100 ms for the seed, under 300 ms for 50 namespaces.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chromium, type Page } from 'playwright-core'
import LZString from 'lz-string'
import { DEFAULT_OPTIONS } from '../../src/engine'
import { syntheticMesh } from '../../src/scenarios/synthetic/syntheticMesh'

const PORT = 4175
const BASE = `http://127.0.0.1:${PORT}/`
const RUNS = 15

function startPreview(): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(PORT))) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)))
  })
}

/** Clicks the switch and resolves with the milliseconds until the grid table's DOM changes. */
async function timeOneEdit(page: Page, switchLabel: string): Promise<number> {
  return page.evaluate(async (label) => {
    const table = document.querySelector('table[aria-label="Connectivity"]')
    const toggle = document.querySelector(`[aria-label="${label}"]`) as HTMLElement | null
    if (!table || !toggle) throw new Error(`missing table or switch ${label}`)
    return new Promise<number>((resolve) => {
      const start = performance.now()
      const observer = new MutationObserver(() => {
        observer.disconnect()
        resolve(performance.now() - start)
      })
      observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true })
      toggle.click()
    })
  }, switchLabel)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function measure(page: Page, url: string, switchLabel: string, cellsHint: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('table', { name: 'Connectivity' }).waitFor()
  await page.locator(`[aria-label="${switchLabel}"]`).waitFor({ state: 'attached' })
  await page.waitForTimeout(1500) // let the first evaluation and the lazy editor settle
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    times.push(await timeOneEdit(page, switchLabel))
    await page.waitForTimeout(300)
  }
  console.log(`${cellsHint.padEnd(34)} median ${median(times).toFixed(1)} ms   min ${Math.min(...times).toFixed(1)}   max ${Math.max(...times).toFixed(1)}   (${RUNS} edits)`)
}

const preview = await startPreview()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
})
try {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
  console.log('edit -> updated grid, in Chromium')
  await measure(page, BASE, 'Sidecar for sleep.foo', 'seed (3 x 3 cells)')
  // The share-link envelope of src/store/share.ts, built here so the benchmark needs no DOM-bound store code.
  const envelope = { v: 1, resources: syntheticMesh(50, 4), layout: { positions: {}, namespaces: {} }, options: DEFAULT_OPTIONS }
  const design = `#design=${LZString.compressToEncodedURIComponent(JSON.stringify(envelope))}`
  const fresh = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
  await measure(fresh, `${BASE}${design}`, 'Sidecar for client.ns-1', '50 namespaces (200 x 200 cells)')
} finally {
  await browser.close()
  preview.kill()
}
