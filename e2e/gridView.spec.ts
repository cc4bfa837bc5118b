/// <reference lib="dom" />
import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { toolbarAction } from './toolbarPage.js'

/**
 * The grid's view (issue 8, R25): which rows and columns the designer shows, saved with the design
 * and in share links. The seed opens with the task's view (sleep rows x httpbin columns); rule 24
 * keeps a port's column when the pods stop declaring it.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function grid(page: Page): Locator {
  return page.getByRole('table', { name: 'Connectivity' })
}

function cell(page: Page, row: string, column: string): Locator {
  return grid(page).getByRole('button', { name: new RegExp(`^${escape(`${row} to ${column}: `)}`) })
}

async function expectCode(page: Page, row: string, column: string, code: string) {
  await expect(cell(page, row, column)).toHaveAccessibleName(`${row} to ${column}: ${code}`)
}

async function expectHeaders(headers: Locator, names: string[]) {
  await expect(headers).toHaveCount(names.length)
  for (const [i, name] of names.entries()) await expect(headers.nth(i)).toHaveAccessibleName(name)
}

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('ControlOrMeta+V')
}

test.describe('Grid view', () => {
  // Whole journeys with Monaco, reloads and a share link: generous on a busy shared 2-core machine.
  test.describe.configure({ timeout: 240_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('opens on the task view, shows every workload and port on demand, and keeps it in links and reloads', async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/')
    const view = page.getByRole('group', { name: 'Grid view' })
    await expect(view.getByLabel('Rows', { exact: true })).toHaveValue('without-ports')
    await expect(view.getByLabel('Columns', { exact: true })).toHaveValue('with-ports')
    await expectHeaders(grid(page).getByRole('rowheader'), ['sleep.foo', 'sleep.bar', 'sleep.legacy'])
    await expectHeaders(grid(page).getByRole('columnheader'), ['httpbin.foo:8000', 'httpbin.bar:8000', 'httpbin.legacy:8000'])

    // Every workload is a client (R25), every Service port a column; sleep listens on 80 (R24).
    await view.getByLabel('Rows', { exact: true }).selectOption('all')
    await view.getByLabel('Columns', { exact: true }).selectOption('all')
    await expectHeaders(grid(page).getByRole('rowheader'), ['httpbin.foo', 'sleep.foo', 'httpbin.bar', 'sleep.bar', 'httpbin.legacy', 'sleep.legacy'])
    await expectHeaders(grid(page).getByRole('columnheader'), ['httpbin.foo:8000', 'sleep.foo:80', 'httpbin.bar:8000', 'sleep.bar:80', 'httpbin.legacy:8000', 'sleep.legacy:80'])
    await expectCode(page, 'httpbin.legacy', 'sleep.bar:80', '200')

    // By namespace, then by name.
    await view.getByLabel('Rows', { exact: true }).selectOption('namespaces')
    await view.getByLabel('Rows namespaces').fill('legacy')
    await view.getByLabel('Rows namespaces').press('Enter')
    await expectHeaders(grid(page).getByRole('rowheader'), ['httpbin.legacy', 'sleep.legacy'])
    await view.getByLabel('Columns', { exact: true }).selectOption('names')
    await view.getByLabel('Columns names').fill('httpbin.foo, sleep')
    await view.getByLabel('Columns names').press('Enter')
    await expectHeaders(grid(page).getByRole('columnheader'), ['httpbin.foo:8000', 'sleep.foo:80', 'sleep.bar:80', 'sleep.legacy:80'])

    // The share link carries the view.
    await toolbarAction(page, 'Share')
    await expect(page.getByRole('status').filter({ hasText: 'Copied a link' })).toBeVisible()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    await toolbarAction(page, 'New empty design')
    await expect(page.getByText('Nothing to connect yet')).toBeVisible()
    await page.goto(link)
    await expectHeaders(grid(page).getByRole('rowheader'), ['httpbin.legacy', 'sleep.legacy'])
    await expect(view.getByLabel('Columns names')).toHaveValue('httpbin.foo, sleep')

    // And so does a reload (autosave).
    await page.waitForTimeout(600)
    await page.reload()
    await expectHeaders(grid(page).getByRole('rowheader'), ['httpbin.legacy', 'sleep.legacy'])
    await expect(page.getByRole('group', { name: 'Grid view' }).getByLabel('Rows', { exact: true })).toHaveValue('namespaces')
    expect(errors).toEqual([])
  })

  test('R24 in the task view: httpbin declaring 9000 keeps its 8000 column and does not become a client', async ({ page }) => {
    await page.goto('/')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    const seed = readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')
    await page.getByRole('tab', { name: 'Workloads' }).click()
    const editor = page.getByRole('tabpanel', { name: 'Workloads' }).locator('.monaco-editor .view-lines')
    await editor.click()
    await page.keyboard.press('ControlOrMeta+A')
    await paste(page, seed.replaceAll('containerPort: 8000', 'containerPort: 9000'))
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '503')
    await expectCode(page, 'sleep.legacy', 'httpbin.legacy:8000', '000 (7)')
    await expectHeaders(grid(page).getByRole('rowheader'), ['sleep.foo', 'sleep.bar', 'sleep.legacy'])
    await expectHeaders(grid(page).getByRole('columnheader'), ['httpbin.foo:8000', 'httpbin.bar:8000', 'httpbin.legacy:8000'])
    const problems = page.getByRole('region', { name: 'Problems' })
    await expect(problems).toContainText('targetPort 8000 matches no container port of the pods app=httpbin')
    // The cell explains itself with the rule.
    await cell(page, 'sleep.foo', 'httpbin.foo:8000').click()
    const panel = page.getByRole('complementary', { name: 'sleep.foo to httpbin.foo:8000' })
    await expect(panel).toContainText(/decided by\s*R24/)
  })
})
