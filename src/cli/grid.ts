/**
 * `npm run -s grid -- [options] FILE...` (through tsx): the CLI of src/cli/main.ts, with relative
 * paths resolved against the directory npm was called from (INIT_CWD), so
 * `npm run -s --prefix PATH/TO/PROJECT grid -- design.yaml` works from anywhere.
 */
import { nodeIO, runAsProcess } from './main'

runAsProcess(process.argv.slice(2), nodeIO({ useInitCwd: true }), { name: 'grid' })
