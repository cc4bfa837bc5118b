/**
 * The installed command, `mesh-auth`, built to plain JavaScript in dist-cli/ by `npm run build`
 * (no TypeScript at run time). Subcommands: `grid` (src/cli/main.ts).
 */
import { main, nodeIO, runAsProcess } from './main'

const SUBCOMMANDS = ['grid'] as const

const HELP = `usage: mesh-auth <command> [options]

Commands:
  grid    print what curl would print for every client and Service port (mesh-auth grid --help)
`

const [command, ...rest] = process.argv.slice(2)
if (command === 'grid') {
  // An installed command runs where its caller is: paths are relative to the process directory.
  runAsProcess(rest, nodeIO({ useInitCwd: false }), { name: 'mesh-auth grid' })
} else if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(HELP)
  process.exitCode = command === undefined ? 2 : 0
} else {
  process.stderr.write(`mesh-auth: unknown command "${command}"; the commands are ${SUBCOMMANDS.join(', ')}\n`)
  process.exitCode = 2
}
