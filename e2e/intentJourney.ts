/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use navigator.
import { expect, type Locator, type Page } from '@playwright/test'

/** Shared steps of the intent spec and its screenshots: roles and accessible names only. */

export const MESH_POLICY = `apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
spec:
  peers:
  - mtls: {}
`

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function grid(page: Page): Locator {
  return page.getByRole('table', { name: 'Connectivity' })
}

export function cell(page: Page, row: string, column: string): Locator {
  return grid(page).getByRole('button', { name: new RegExp(`^${escape(`${row} to ${column}: `)}`) })
}

export function summary(page: Page): Locator {
  return page.getByRole('group', { name: 'Intent' }).getByRole('status')
}

/** The seed's first step: the mesh-wide STRICT MeshPolicy pasted into the Istio tab. */
export async function applyMeshPolicy(page: Page) {
  await page.getByRole('tab', { name: 'Istio config' }).click()
  const editor = page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
  await expect(editor).toBeVisible()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.evaluate((t) => navigator.clipboard.writeText(t), MESH_POLICY)
  await page.keyboard.press('ControlOrMeta+V')
  await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
}

/**
 * Expect mode, then: sleep.foo -> httpbin.foo and sleep.bar -> httpbin.bar allow (one click each),
 * every client -> httpbin.foo allow (its column header), sleep.legacy -> httpbin.foo deny (two clicks).
 */
export async function setExpectations(page: Page) {
  await page.getByRole('button', { name: 'Expect', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Expect', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await cell(page, 'sleep.foo', 'httpbin.foo:8000').click()
  await expect(summary(page)).toContainText('1 of 1 expectation violated')
  await cell(page, 'sleep.bar', 'httpbin.bar:8000').click()
  await grid(page).getByRole('button', { name: 'Expect from every client to httpbin.foo:8000' }).click()
  await cell(page, 'sleep.legacy', 'httpbin.foo:8000').click()
  await cell(page, 'sleep.legacy', 'httpbin.foo:8000').click()
  await expect(summary(page)).toContainText('3 of 4 expectations violated')
}
