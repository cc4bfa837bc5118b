/** Helpers for the modern-API specs: grid cells by accessible name, palette drags, the profile picker. */
import { readFileSync } from 'node:fs'
import { expect, type Locator, type Page } from '@playwright/test'
import { toolbarAction } from './toolbarPage.js'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function cell(page: Page, row: string, column: string): Locator {
  return page.getByRole('table', { name: 'Connectivity' }).getByRole('button', { name: new RegExp(`^${escape(`${row} to ${column}: `)}`) })
}

export async function expectCode(page: Page, row: string, column: string, code: string) {
  await expect(cell(page, row, column)).toHaveAccessibleName(`${row} to ${column}: ${code}`)
}

/** Every cell of the grid as it reads to a screen reader ("sleep.foo to httpbin.foo:8000: 200"), in order. */
export async function gridNames(page: Page): Promise<string[]> {
  const cells = page.getByRole('table', { name: 'Connectivity' }).getByRole('button', { name: / to .+: / })
  return Promise.all((await cells.all()).map(async (c) => (await c.getAttribute('aria-label')) ?? (await c.innerText())))
}

export function paletteItem(page: Page, label: string): Locator {
  return page.getByRole('button', { name: `Add ${label}`, exact: true })
}

export async function setProfile(page: Page, profile: string) {
  await page.getByRole('combobox', { name: 'Istio version' }).selectOption(profile)
}

/** A drop only selects the new node (issue 9); a double-click on it opens its inspector. */
export async function openSelectedInspector(page: Page) {
  await page.locator('.react-flow__node.selected').first().dblclick()
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible()
}

export async function closeInspector(page: Page) {
  const close = page.getByRole('button', { name: 'Close inspector' })
  if (await close.isVisible()) await close.click()
}

/** The toolbar's New: an empty design, on the latest profile. */
export async function newEmptyDesign(page: Page) {
  await toolbarAction(page, 'New empty design')
  await expect(page.getByRole('combobox', { name: 'Istio version' })).toHaveValue('1.30')
}

/**
 * A namespace click-added from the palette, renamed in its inspector; `injection: false` unticks
 * automatic sidecar injection (the seed's legacy). It stays selected, so click-adds go into it.
 */
export async function addNamespace(page: Page, name: string, injection = true) {
  await paletteItem(page, 'Namespace').click()
  await openSelectedInspector(page)
  const inspector = page.getByRole('complementary', { name: 'Inspector' })
  const field = inspector.getByLabel('Name', { exact: true })
  await field.fill(name)
  await field.press('Enter')
  await expect(page.getByTestId(`canvas.namespace.${name}`)).toBeVisible()
  const sidecars = inspector.getByRole('checkbox', { name: 'Automatic sidecar injection' })
  await expect(sidecars).toBeChecked()
  if (!injection) await sidecars.uncheck()
  // Closing the inspector would unselect the namespace: it stays open, click-adds go into the namespace.
}

/** A palette app (Service or Client workload) click-added into the selected namespace (or the selected app's), renamed in its inspector, which stays open. */
export async function addApp(page: Page, item: 'Service' | 'Client workload', namespace: string, name: string) {
  await paletteItem(page, item).click()
  await openSelectedInspector(page)
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true })
  await field.fill(name)
  await field.press('Enter')
  await expect(page.getByTestId(`canvas.app.${name}.${namespace}`)).toBeVisible()
}

export async function fitView(page: Page) {
  await page.getByRole('button', { name: 'Fit View' }).click()
  await page.waitForTimeout(100)
}

/** Import → Paste YAML → Add to design (objects with the same kind/namespace/name are replaced). */
export async function addYaml(page: Page, yaml: string) {
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('menuitem', { name: /Paste YAML/ }).click()
  await page.getByLabel(/Kubernetes and Istio objects/).fill(yaml)
  await page.getByRole('button', { name: 'Add to design' }).click()
}

interface SeedObject {
  kind: string
  metadata: { name: string; namespace?: string }
}
type SeedOp = { op: 'apply'; object: SeedObject } | { op: 'delete'; kind: string; name: string; namespace?: string }

/**
 * The seed's workloads plus the Istio objects of state `id` (its states' apply/delete operations in
 * order), as multi-document YAML: JSON documents are YAML, so no YAML library is needed here.
 */
export function seedStateYaml(id: string): string {
  const tables = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as { states: { id: string; ops: SeedOp[] }[] }
  const keyOf = (kind: string, name: string, ns?: string) => `${kind}/${kind === 'MeshPolicy' ? '' : (ns ?? 'default')}/${name}`
  const objects = new Map<string, SeedObject>()
  for (const state of tables.states.slice(0, tables.states.findIndex((s) => s.id === id) + 1)) {
    for (const op of state.ops) {
      if (op.op === 'apply') objects.set(keyOf(op.object.kind, op.object.metadata.name, op.object.metadata.namespace), op.object)
      else objects.delete(keyOf(op.kind, op.name, op.namespace))
    }
  }
  const workloads = readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')
  return [workloads, ...[...objects.values()].map((o) => JSON.stringify(o, null, 2))].join('\n---\n')
}
