/** Alpha -> modern migration in the designer: the preview dialog and the live check panel. */
export { MigrationDialog } from './MigrationDialog'
export { MigrationPanel } from './MigrationPanel'
export { MigrationComparison } from './MigrationComparison'
