/// <reference lib="dom" />
// page.evaluate callbacks and the init script run in the browser: PerformanceObserver, navigator.
import type { Locator, Page } from '@playwright/test'
import { stringify } from 'yaml'
import { syntheticMesh } from '../src/scenarios/synthetic/syntheticMesh'

/** A big design pasted into the Istio tab (issue 13, item 8): parsing.spec.ts and the screenshot. */

/** 300 namespaces of a server, a client, Policies and DestinationRules: about 290 KB of YAML. */
export const BIG = syntheticMesh(300)
  .map((o) => stringify(o))
  .join('---\n')

export interface LongTask {
  start: number
  duration: number
}

declare global {
  interface Window {
    __longTasks: LongTask[]
  }
}

/** Every long task (main thread busy > 50 ms) from the page's start, with its start time. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
}

export function istioEditor(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
}

/** The "Parsing… (N KB)" status over the Istio tab's editor. */
export function editorParsingStatus(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Istio config' }).getByRole('status').filter({ hasText: 'Parsing' })
}

/** A paste is one edit, as a user pasting from a file would make it (Ctrl+V, not typed keys). */
export async function pasteOverIstioTab(page: Page, text: string): Promise<number> {
  await istioEditor(page).click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  const before = await page.evaluate(() => performance.now())
  await page.keyboard.press('ControlOrMeta+V')
  return before
}

export const gridSubtitle = (page: Page) => page.getByRole('region', { name: 'Connectivity' }).locator('.pane-subtitle')
