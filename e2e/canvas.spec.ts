import { expect, test, type Locator, type Page } from '@playwright/test'

/** Product pictures for the README: written only with CANVAS_SCREENSHOTS=1, so `npm test` leaves docs/ alone. */
async function shoot(page: import('@playwright/test').Page, path: string): Promise<void> {
  if (process.env.CANVAS_SCREENSHOTS === '1') await page.screenshot({ path })
}

/**
 * The canvas journey against the built app: palette drag and drop (namespace, service into it,
 * policy onto a namespace), the sidecar switch, a refused drop, and the grid following each step.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function cell(page: Page, row: string, column: string): Locator {
  return page.getByRole('table', { name: 'Connectivity' }).getByRole('button', { name: new RegExp(`^${escape(`${row} to ${column}: `)}`) })
}

async function expectCode(page: Page, row: string, column: string, code: string) {
  await expect(cell(page, row, column)).toHaveAccessibleName(`${row} to ${column}: ${code}`)
}

function paletteItem(page: Page, label: string): Locator {
  return page.getByRole('button', { name: `Add ${label}`, exact: true })
}

/** Frames the whole design (React Flow's own control), so every node is on screen. */
async function fitView(page: Page) {
  await page.getByRole('button', { name: 'Fit View' }).click()
  await page.waitForTimeout(100)
}

async function closeInspector(page: Page) {
  const close = page.getByRole('button', { name: 'Close inspector' })
  if (await close.isVisible()) await close.click()
}

/** Drags a canvas node with the mouse (React Flow listens to pointer events, not HTML5 drag). */
async function dragNode(page: Page, node: Locator, onto: Locator, at?: { x: number; y: number }) {
  const from = await node.boundingBox()
  const to = await onto.boundingBox()
  if (!from || !to) throw new Error('node not on screen')
  await page.mouse.move(from.x + 20, from.y + 12)
  await page.mouse.down()
  const target = at ? { x: to.x + at.x, y: to.y + at.y } : { x: to.x + to.width / 2, y: to.y + to.height / 2 }
  await page.mouse.move(target.x, target.y, { steps: 12 })
  await page.mouse.up()
}

test.describe('Canvas', () => {
  // Room for the canvas next to the grid and editor, as on a desktop screen.
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('builds a design from the palette and the grid follows', async ({ page }, testInfo) => {
    // Many small steps, each waiting for the grid's evaluation: more than the default 30 s on a slow CI box.
    test.setTimeout(180_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.goto('/')
    const pane = page.locator('.react-flow__pane')
    await expect(page.getByTestId('canvas.namespace.foo')).toBeVisible()
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')

    // A namespace dropped on the empty canvas below the seed's boxes.
    const box = await pane.boundingBox()
    if (!box) throw new Error('no canvas pane')
    await paletteItem(page, 'Namespace').dragTo(pane, { targetPosition: { x: 60, y: box.height - 120 } })
    const created = page.getByTestId('canvas.namespace.namespace-1')
    await expect(created).toBeVisible()
    // A drop selects the new box; the inspector opens on a double-click, not over the canvas by itself.
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden()
    await created.getByText('namespace-1', { exact: true }).first().dblclick()
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('namespace-1')
    await closeInspector(page)
    await fitView(page)

    // A Service dropped into it: a new node, and a new grid column.
    await paletteItem(page, 'Service').dragTo(created, { targetPosition: { x: 40, y: 50 } })
    await expect(page.getByTestId('canvas.app.service-1.namespace-1')).toBeVisible()
    await expectCode(page, 'sleep.foo', 'service-1.namespace-1:8000', '200')
    await closeInspector(page)

    // A Policy dropped on foo's header: foo's namespace-wide STRICT policy.
    await paletteItem(page, 'Policy').dragTo(page.getByTestId('canvas.namespace.foo'), { targetPosition: { x: 12, y: 8 } })
    await expect(page.getByTestId('canvas.node.Policy/foo/default')).toBeVisible()
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')
    await expectCode(page, 'sleep.legacy', 'httpbin.bar:8000', '200')
    await closeInspector(page)

    // A second namespace-wide policy is refused, with the reason.
    await paletteItem(page, 'Policy').dragTo(page.getByTestId('canvas.namespace.foo'), { targetPosition: { x: 12, y: 8 } })
    await expect(page.getByRole('status').filter({ hasText: 'already has its namespace-wide policy' })).toBeVisible()

    // The sidecar switch: sleep.foo without Envoy sends plaintext, which STRICT resets.
    const sidecar = page.getByRole('switch', { name: 'Sidecar for sleep.foo' })
    await expect(sidecar).toBeChecked()
    await sidecar.click()
    await expect(sidecar).not.toBeChecked()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '000 (56)')
    await sidecar.click()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')

    // Mesh-wide pieces: a MeshPolicy by click, an ISTIO_MUTUAL rule dropped on the mesh marker.
    await paletteItem(page, 'MeshPolicy').click()
    await closeInspector(page)
    await fitView(page)
    await paletteItem(page, 'DestinationRule').dragTo(page.getByTestId('canvas.mesh'))
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await expectCode(page, 'sleep.foo', 'httpbin.legacy:8000', '503')
    await closeInspector(page)
    await fitView(page)

    await shoot(page, 'docs/screenshots/canvas.png')
    await page.screenshot({ path: testInfo.outputPath('canvas.png') })

    // Selecting a node opens its form.
    await page.getByTestId('canvas.node.Policy/foo/default').click()
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    await expect(inspector.getByLabel('Mutual TLS mode')).toHaveValue('STRICT')
    await inspector.getByLabel('Mutual TLS mode').selectOption('PERMISSIVE')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')
    await shoot(page, 'docs/screenshots/inspector.png')

    expect(errors).toEqual([])
  })

  test('attaches policies by dragging them, and refuses to leave one acting on nothing', async ({ page }) => {
    test.setTimeout(180_000)
    await page.goto('/')
    await expect(page.getByTestId('canvas.namespace.foo')).toBeVisible()
    await paletteItem(page, 'Policy').dragTo(page.getByTestId('canvas.namespace.foo'), { targetPosition: { x: 12, y: 8 } })
    await closeInspector(page)
    await fitView(page)
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')

    // Onto httpbin.foo: a service-specific policy named after the service.
    await dragNode(page, page.getByTestId('canvas.node.Policy/foo/default'), page.getByTestId('canvas.app.httpbin.foo'))
    await expect(page.getByTestId('canvas.node.Policy/foo/httpbin')).toBeVisible()
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')

    // Onto bar's header: bar's namespace-wide policy; foo is open again.
    await dragNode(page, page.getByTestId('canvas.node.Policy/foo/httpbin'), page.getByTestId('canvas.namespace.bar'), { x: 12, y: 8 })
    await expect(page.getByTestId('canvas.node.Policy/bar/default')).toBeVisible()
    await expectCode(page, 'sleep.legacy', 'httpbin.bar:8000', '000 (56)')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')

    // Deleting its only edge would leave it acting on nothing: refused, with the reason.
    const edge = page.locator('.react-flow__edge').first()
    await edge.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Delete')
    await expect(page.getByRole('status').filter({ hasText: 'always applies to its namespace' })).toBeVisible()
    await expect(page.getByTestId('canvas.node.Policy/bar/default')).toBeVisible()

    // Deleting the node deletes the policy.
    await page.getByTestId('canvas.node.Policy/bar/default').click()
    await page.keyboard.press('Delete')
    await expect(page.getByTestId('canvas.node.Policy/bar/default')).toHaveCount(0)
    await expectCode(page, 'sleep.legacy', 'httpbin.bar:8000', '200')
  })

  test('adds ingress and port-level rules, and marks objects with problems', async ({ page }) => {
    test.setTimeout(180_000)
    await page.goto('/')
    await expect(page.getByTestId('canvas.app.httpbin.foo')).toBeVisible()

    // Gateway + VirtualService dropped on httpbin.foo: the external row gets a route to it.
    await paletteItem(page, 'Gateway + VirtualService').dragTo(page.getByTestId('canvas.app.httpbin.foo'))
    await expect(page.getByTestId('canvas.node.Gateway/foo/httpbin-gateway')).toBeVisible()
    await expect(page.getByTestId('canvas.node.VirtualService/foo/httpbin')).toContainText('httpbin.foo:8000')
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')
    await closeInspector(page)
    await fitView(page)

    // A DestinationRule dropped on httpbin.bar's port chip: ISTIO_MUTUAL to a server without mTLS.
    await paletteItem(page, 'DestinationRule').dragTo(page.getByTestId('canvas.app.httpbin.bar').locator('[data-port="8000"]'))
    await expect(page.getByTestId('canvas.node.DestinationRule/bar/httpbin')).toContainText('+1 port')
    await expectCode(page, 'sleep.foo', 'httpbin.bar:8000', '503')
    await closeInspector(page)
    await fitView(page)

    // A policy on httpbin.legacy whose target is then mistyped in the inspector: a warning, on the node and the field.
    await paletteItem(page, 'Policy').dragTo(page.getByTestId('canvas.app.httpbin.legacy'))
    await page.getByTestId('canvas.node.Policy/legacy/httpbin').dblclick()
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    await inspector.getByLabel('Target 1 service').fill('httpbin-v2')
    await inspector.getByLabel('Target 1 service').press('Enter')
    await expect(inspector.getByText('MESH002')).toBeVisible()
    await expect(page.getByTestId('canvas.node.Policy/legacy/httpbin').getByRole('img', { name: /1 warning/ })).toBeVisible()
    await shoot(page, 'docs/screenshots/inspector-problems.png')
    await closeInspector(page)
    await fitView(page)
    await shoot(page, 'docs/screenshots/canvas-problems.png')
  })
})
