/** Page helpers of the workshop specs: every locator by role and accessible name. */
import { expect, type Locator, type Page } from '@playwright/test'

export const LESSON = 'Authentication Policy (Istio 1.0)'
export const STEPS = 22

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What a live grid cell says while it is one of the lesson step's cells still to be predicted. */
export const HIDDEN = 'hidden until you reveal the lesson step'

export function liveCell(page: Page, row: string, column: string): Locator {
  return page.getByRole('table', { name: 'Connectivity' }).getByRole('button', { name: new RegExp(`^${escape(`${row} to ${column}: `)}`) })
}

export async function expectLive(page: Page, row: string, column: string, code: string) {
  await expect(liveCell(page, row, column)).toHaveAccessibleName(`${row} to ${column}: ${code}`)
}

export function stepNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Lesson steps' })
}

export async function expectStep(page: Page, n: number) {
  await expect(stepNav(page)).toContainText(new RegExp(`Step ${n} of ${STEPS} · `))
}

export function prediction(scope: Page | Locator, pair: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${escape(`Your prediction for ${pair}: `)}`) })
}

export async function openSeedLesson(page: Page) {
  await page.goto('/')
  await page.getByRole('button', { name: 'Workshop', exact: true }).click()
  const picker = page.getByRole('dialog', { name: 'Workshop' })
  await picker.getByRole('button', { name: LESSON }).click()
  await expect(picker).toBeHidden()
  await expect(stepNav(page)).toContainText('Step 1 of 22 · Setup')
}
