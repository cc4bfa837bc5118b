/** The toolbar's actions whatever the width: a button of the row, or an item of "More actions" (1300 px and below). */
import type { Page } from '@playwright/test'

export async function toolbarAction(page: Page, name: string): Promise<void> {
  const toolbar = page.getByRole('banner')
  const button = toolbar.getByRole('button', { name, exact: true })
  if ((await button.count()) > 0) return button.click()
  await toolbar.getByRole('button', { name: 'More actions', exact: true }).click()
  await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: new RegExp(`^${name}`) }).click()
}
