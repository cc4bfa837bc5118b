/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use navigator, DataTransfer, File.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { toolbarAction } from './toolbarPage.js'

/**
 * The designer's main journey against the built app: the seed's grid, the seed task's first steps
 * typed into the Istio tab, a broken edit, undo, reload, and a cell's explanation. Selectors are
 * roles and accessible names only.
 */

const MESH_POLICY = `apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
spec:
  peers:
  - mtls: {}
`

const MESH_DESTINATION_RULE = `---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: default
  namespace: default
spec:
  host: "*.local"
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
`

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function grid(page: Page): Locator {
  return page.getByRole('table', { name: 'Connectivity' })
}

/** The cell button of `row` → `column`, whatever its code; assert on its accessible name. */
function cell(page: Page, row: string, column: string): Locator {
  return grid(page).getByRole('button', { name: new RegExp(`^${escape(`${row} to ${column}: `)}`) })
}

async function expectCode(page: Page, row: string, column: string, code: string) {
  await expect(cell(page, row, column)).toHaveAccessibleName(`${row} to ${column}: ${code}`)
}

/** Header cells in order, by accessible name (a row header's sidecar badge is decoration). */
async function expectHeaders(headers: Locator, names: string[]) {
  await expect(headers).toHaveCount(names.length)
  for (const [i, name] of names.entries()) await expect(headers.nth(i)).toHaveAccessibleName(name)
}

function istioEditor(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
}

/**
 * Monaco auto-indents typed newlines, and keyboard.insertText goes through the same typing path
 * (toolchain.md P15): "spec:" lands indented under "metadata:". A paste is inserted as written, in
 * one edit, as a user pasting from the seed's page would do it.
 */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('ControlOrMeta+V')
}

async function replaceEditorText(page: Page, editor: Locator, text: string) {
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await paste(page, text)
}

async function appendEditorText(page: Page, editor: Locator, text: string) {
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  await paste(page, text)
}

test.describe('Designer', () => {
  // Each test is a whole journey (Monaco, workers, reloads); 30 s is tight on a busy 2-core machine.
  test.describe.configure({ timeout: 120_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('opens on the seed, follows edits in the Istio tab, undoes, restores and explains', async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.goto('/')

    // The seed: three clients, three httpbin ports, everything 200.
    await expect(page.getByRole('heading', { name: 'Mesh Auth Designer' })).toBeVisible()
    const table = grid(page)
    await expect(table).toBeVisible()
    await expectHeaders(table.getByRole('rowheader'), ['sleep.foo', 'sleep.bar', 'sleep.legacy'])
    await expectHeaders(table.getByRole('columnheader'), ['httpbin.foo:8000', 'httpbin.bar:8000', 'httpbin.legacy:8000'])
    await expect(table.getByRole('button', { name: /: 200$/ })).toHaveCount(9)

    // The seed's first step: a mesh-wide STRICT MeshPolicy, without DestinationRules yet.
    await page.getByRole('tab', { name: 'Istio config' }).click()
    const editor = istioEditor(page)
    await expect(editor).toBeVisible()
    await replaceEditorText(page, editor, MESH_POLICY)
    await expect(editor).toContainText('kind: MeshPolicy')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    await expectCode(page, 'sleep.legacy', 'httpbin.legacy:8000', '200')
    // The last edit's changes are marked.
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAttribute('aria-description', 'changed')

    // The DestinationRule that turns on mutual TLS for every *.local host.
    await appendEditorText(page, editor, MESH_DESTINATION_RULE)
    await expect(editor).toContainText('ISTIO_MUTUAL')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await expectCode(page, 'sleep.foo', 'httpbin.legacy:8000', '503')

    // Broken YAML: a problem with its line; the grid keeps the last good design.
    await appendEditorText(page, editor, '---\nkind: [\n')
    const problems = page.getByRole('region', { name: 'Problems' })
    await expect(problems.getByRole('button').first()).toContainText(/line \d+/)
    await expect(page.getByText('This YAML does not parse.')).toBeVisible()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await expectCode(page, 'sleep.foo', 'httpbin.legacy:8000', '503')

    // Undo from the toolbar: back to the MeshPolicy alone, and the broken text is gone.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')
    await expect(editor).not.toContainText('ISTIO_MUTUAL')
    await expect(page.getByText('This YAML does not parse.')).toBeHidden()

    // The design survives a reload.
    await page.waitForTimeout(600) // the autosave runs a moment after the last change
    await page.reload()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    await expect(istioEditor(page)).toContainText('kind: MeshPolicy')

    // A cell's explanation: verdict, deciding rule, steps, the policy, the command.
    await page.getByRole('tab', { name: 'Workloads' }).click()
    await cell(page, 'sleep.foo', 'httpbin.foo:8000').click()
    const panel = page.getByRole('complementary', { name: 'sleep.foo to httpbin.foo:8000' })
    await expect(panel).toBeVisible()
    await expect(panel).toContainText('503')
    await expect(panel).toContainText(/decided by\s*R12/)
    await expect(panel.getByRole('list').first().getByRole('listitem').first()).toBeVisible()
    // The policy link selects it and shows it in its editor tab.
    await panel.getByRole('button', { name: /MeshPolicy default/ }).click()
    await expect(page.getByRole('tab', { name: 'Istio config' })).toHaveAttribute('aria-selected', 'true')
    await expect(panel).toContainText('STRICT')
    await expect(panel).toContainText('kubectl exec')
    await expect(panel.getByRole('button', { name: 'Copy command' })).toBeVisible()
    // The link selected the MeshPolicy, so its inspector lies nearest: Escape closes it first, then the explanation.
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    await expect(inspector).toContainText('MeshPolicy')
    await page.keyboard.press('Escape')
    await expect(inspector).toBeHidden()
    await expect(panel).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()

    expect(errors).toEqual([])
  })

  test('shares a design by link, exports the grid as a PNG, and undoes with the keyboard', async ({ page }) => {
    await page.goto('/')
    await replaceEditorText(page, istioEditor(page), MESH_POLICY)
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')

    // Share: the link carries the design.
    await toolbarAction(page, 'Share')
    await expect(page.getByRole('status').filter({ hasText: 'Copied a link' })).toBeVisible()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(/#design=/)

    // Export the grid as a PNG (drawn on a canvas).
    await page.getByRole('button', { name: 'Export' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: /Save grid as PNG/ }).click()
    const png = await download
    expect(png.suggestedFilename()).toBe('connectivity.png')
    const bytes = await (await png.createReadStream()).toArray()
    expect(Buffer.concat(bytes).subarray(1, 4).toString()).toBe('PNG')

    // A new empty design, then the shared link opens the design again.
    await toolbarAction(page, 'New empty design')
    await expect(page.getByText('Nothing to connect yet')).toBeVisible()
    await page.goto(link)
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')
    expect(page.url()).not.toContain('#design=')

    // Ctrl+Z outside the editor undoes the design change (back to the empty design).
    await page.getByRole('heading', { name: 'Connectivity' }).click()
    await page.keyboard.press('ControlOrMeta+Z')
    await expect(page.getByText('Nothing to connect yet')).toBeVisible()
    await page.keyboard.press('ControlOrMeta+Shift+Z')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')
  })

  test('imports YAML files by picking them and by dropping them on the window', async ({ page }) => {
    await page.goto('/')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')

    // Open files: the design is replaced by the files' objects (here: only a MeshPolicy).
    await page.getByLabel('YAML files to import').setInputFiles({ name: 'mesh.yaml', mimeType: 'text/yaml', buffer: Buffer.from(MESH_POLICY) })
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 object from mesh.yaml' })).toBeVisible()
    await expect(page.getByText('Nothing to connect yet')).toBeVisible()
    await page.getByRole('button', { name: 'Undo' }).click()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')

    // Drop a broken file: an error, and nothing changes.
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['kind: [\n'], 'broken.yml', { type: 'text/yaml' }))
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    await expect(page.getByRole('alert').filter({ hasText: 'broken.yml, line 1' })).toContainText('Nothing was imported')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
  })

  test('a hostile share link changes nothing and says so', async ({ page }) => {
    await page.goto('/#design=%E0%A4%A')
    await expect(page.getByRole('alert').filter({ hasText: 'unchanged' })).toBeVisible()
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
  })

  test('the grid is keyboard-navigable and the splitters are accessible', async ({ page }) => {
    await page.goto('/')
    const first = cell(page, 'sleep.foo', 'httpbin.foo:8000')
    await first.focus()
    await page.keyboard.press('ArrowRight')
    await expect(cell(page, 'sleep.foo', 'httpbin.bar:8000')).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(cell(page, 'sleep.bar', 'httpbin.bar:8000')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('complementary', { name: 'sleep.bar to httpbin.bar:8000' })).toBeVisible()

    const splitter = page.getByRole('separator', { name: 'Resize connectivity grid' })
    const before = Number(await splitter.getAttribute('aria-valuenow'))
    await splitter.focus()
    await page.keyboard.press('ArrowDown')
    await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 16))
  })
})
