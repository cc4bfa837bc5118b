/** Checks used by several Istio kinds. */
import type { ObjectPath } from '../../types'
import type { CPortSelector, CStringMatch } from '../canonical'
import { regexProblem } from '../../regex'
import { isIstioLabel, isPortNumber } from '../names'
import type { Report } from '../walk'

/**
 * A port selector needs exactly one of a port number in 1-65535 or a port name that is a label
 * (protobuf cannot tell `number: 0` from no number, so 0 counts as missing).
 */
export function checkPortSelector(selector: CPortSelector, path: ObjectPath, report: Report): void {
  const { number, name } = selector
  if (number === undefined && name === undefined) {
    report('IST0115', path, 'the port selector needs a `number` (1-65535) or a `name`')
  } else if (number !== undefined && !isPortNumber(number)) {
    report('IST0115', [...path, 'number'], `port number ${number} is outside 1-65535`)
  } else if (name !== undefined && !isIstioLabel(name)) {
    report('IST0115', [...path, 'name'], `port name "${name}" is not a valid name (letters, digits and "-", at most 63)`)
  }
}

/** Istio accepts a StringMatch with no alternative set, but the proxy then matches nothing with it. */
export function checkStringMatch(match: CStringMatch, path: ObjectPath, report: Report): void {
  if (match.exact === undefined && match.prefix === undefined && match.suffix === undefined && match.regex === undefined) {
    report('IST0125', path, 'this match sets none of exact, prefix, suffix or regex, so it matches no path')
  }
  if (typeof match.regex === 'string') checkRegex(match.regex, [...path, 'regex'], report)
}

/**
 * A regex is refused at admission when RE2 refuses it or its program is over Envoy's size bound,
 * so it is a finding at its line, never an error at the first request.
 */
export function checkRegex(source: string, path: ObjectPath, report: Report): void {
  const problem = regexProblem(source)
  if (!problem) return
  report(problem.kind === 'syntax' ? 'IST0126' : 'IST0127', path, `regex ${JSON.stringify(source.length > 80 ? `${source.slice(0, 80)}...` : source)}: ${problem.message}`)
}
