/** A JUnit XML report of an intent check: one test case per checked cell, a failure per violation. */
import { formatGot, formatOutcome, type CellCheck, type Expectation } from '../engine/intent'

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
}

export function junitReport(checks: readonly CellCheck[], expectations: readonly Expectation[], intentFile: string, describeRequest: (c: CellCheck) => string): string {
  const failures = checks.filter((c) => !c.holds).length
  const cases = checks.map((c) => {
    const e = expectations[c.expectation] as Expectation
    const request = describeRequest(c)
    const name = `${c.from} to ${c.to}${request ? ` (${request})` : ''}: ${formatOutcome(e.expect)}`
    const head = `    <testcase classname="intent.${escape(c.from)}" name="${escape(name)}" file="${escape(intentFile)}" line="${e.line}">`
    if (c.holds) return `${head}</testcase>`
    const message = `expected ${formatOutcome(e.expect)}, got ${formatGot(c.got)}`
    return `${head}\n      <failure message="${escape(message)}" type="violation">${escape(`${c.from} to ${c.to}: ${message} (rule ${c.got?.rule ?? 'R20'}, ${intentFile}:${e.line})`)}</failure>\n    </testcase>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="intent" tests="${checks.length}" failures="${failures}">
  <testsuite name="${escape(intentFile)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="0">
${cases.join('\n')}
  </testsuite>
</testsuites>
`
}
