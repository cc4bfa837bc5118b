/**
 * The command that checks a cell on a real cluster, in the seed's style.
 */
import type { Workload } from '../mesh/model'
import type { RequestProfile } from '../types'

function headerFlags(request: RequestProfile): string {
  return Object.entries(request.headers)
    .map(([name, value]) => {
      // A token is hundreds of characters: show it as the seed does, through $TOKEN.
      const shown = /^bearer\s+\S+\.\S+\.\S+$/i.test(value) ? 'Bearer $TOKEN' : value
      return ` --header "${name}: ${shown}"`
    })
    .join('')
}

export function podCurlCommand(client: Workload, url: string, request: RequestProfile): string {
  const [labelKey, labelValue] = Object.entries(client.labels).find(([k]) => k === 'app') ?? Object.entries(client.labels)[0] ?? ['app', client.name]
  const pod = `$(kubectl get pod -l ${labelKey}=${labelValue} -n ${client.namespace} -o jsonpath={.items..metadata.name})`
  return `kubectl exec ${pod} -c ${client.appContainer} -n ${client.namespace} -- curl ${url}${headerFlags(request)} -s -o /dev/null -w "%{http_code}\\n"`
}

export function ingressCurlCommand(request: RequestProfile): string {
  return `curl $INGRESS_HOST${request.path}${headerFlags(request)} -s -o /dev/null -w "%{http_code}\\n"`
}
