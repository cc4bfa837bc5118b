/** The migration store for the app: created on first use, on the app's designer store. */
import { useDesignerStore } from '..'
import { createMigrationStore, type MigrationStoreHook } from './migrationStore'

export { createMigrationStore, hasAlphaPolicies, type MigrationStore, type MigrationPreview, type LiveMigration } from './migrationStore'
export { migrationRequest } from './migrationRequest'

let instance: MigrationStoreHook | undefined

function migrationStore(): MigrationStoreHook {
  instance ??= createMigrationStore(useDesignerStore)
  return instance
}

export const useMigrationStore = ((...args: unknown[]) => (migrationStore() as (...a: unknown[]) => unknown)(...args)) as unknown as MigrationStoreHook
for (const member of ['getState', 'getInitialState', 'setState', 'subscribe'] as const) {
  Object.defineProperty(useMigrationStore, member, { get: () => migrationStore()[member] })
}
