/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test'

/**
 * One gesture, one undo step, and click-add going where the user is: a namespace click-added, a
 * service click-added into it (not into `foo`), a namespace dropped; three undos bring back the exact
 * start, objects and positions.
 */

/** Every canvas node by id, with its place in canvas coordinates (React Flow's transform). */
async function canvasState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => [n.dataset.id ?? '', `${n.style.transform} ${n.style.width} ${n.style.height}`])),
  )
}

test.describe('Gestures and undo', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('N gestures, N undos: back to the exact start; a click-added service lands in the namespace just made', async ({ page }) => {
    test.slow()
    await page.goto('/')
    await expect(page.getByTestId('canvas.namespace.foo')).toBeVisible()
    await page.waitForTimeout(1500) // elk's first layout settles
    const start = await canvasState(page)

    await page.getByRole('button', { name: 'Add Namespace', exact: true }).click()
    await expect(page.getByTestId('canvas.namespace.namespace-1')).toBeVisible()
    await page.getByRole('button', { name: 'Add Service', exact: true }).click()
    await expect(page.getByTestId('canvas.app.service-1.namespace-1')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Connectivity' }).getByRole('columnheader', { name: 'service-1.namespace-1:8000' })).toBeVisible()

    const pane = page.locator('.react-flow__pane')
    const box = await pane.boundingBox()
    if (!box) throw new Error('no canvas pane')
    await page.getByRole('button', { name: 'Add Namespace', exact: true }).dragTo(pane, { targetPosition: { x: 80, y: box.height - 100 } })
    await expect(page.getByTestId('canvas.namespace.namespace-2')).toBeVisible()
    expect(await canvasState(page)).not.toEqual(start)

    const undo = page.getByRole('button', { name: 'Undo' })
    await undo.click()
    await expect(page.getByTestId('canvas.namespace.namespace-2')).toBeHidden()
    await undo.click()
    await expect(page.getByTestId('canvas.app.service-1.namespace-1')).toBeHidden()
    await expect(page.getByTestId('canvas.namespace.namespace-1')).toBeVisible()
    await undo.click()
    await expect(page.getByTestId('canvas.namespace.namespace-1')).toBeHidden()
    await expect.poll(() => canvasState(page)).toEqual(start)
    await expect(undo).toBeDisabled()
  })

  test('a rename in the inspector is one undo step: the old name comes back in its place', async ({ page }) => {
    test.slow()
    await page.goto('/')
    await expect(page.getByTestId('canvas.namespace.foo')).toBeVisible()
    await page.waitForTimeout(1500) // elk's first layout settles
    const start = await canvasState(page)
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    const undo = page.getByRole('button', { name: 'Undo' })

    await page.getByTestId('canvas.namespace.bar').getByText('bar', { exact: true }).first().dblclick()
    const name = inspector.getByLabel('Name', { exact: true })
    await name.fill('baz')
    await name.press('Enter')
    await expect(page.getByTestId('canvas.namespace.baz')).toBeVisible()
    await undo.click()
    await expect(page.getByTestId('canvas.namespace.bar')).toBeVisible()
    await expect.poll(() => canvasState(page)).toEqual(start)
    await page.getByRole('button', { name: 'Close inspector' }).click()

    await page.getByTestId('canvas.app.httpbin.legacy').getByText('httpbin', { exact: true }).dblclick()
    await name.fill('web')
    await name.press('Enter')
    await expect(page.getByTestId('canvas.app.web.legacy')).toBeVisible()
    await undo.click()
    await expect(page.getByTestId('canvas.app.httpbin.legacy')).toBeVisible()
    await expect.poll(() => canvasState(page)).toEqual(start)
    await expect(undo).toBeDisabled()
  })
})
