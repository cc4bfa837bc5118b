/**
 * "Istio's samples" for a profile: what the istio.io security tasks deploy at that release. The 1.0
 * task's own workloads are the seed; from 1.24 the docs name the client `curl` instead of `sleep`.
 */
import { atLeast } from '../../engine/profile'
import type { IstioProfile, KubeObject } from '../../engine/types'
import { seedWorkloads } from '../seed'
import { modernTaskWorkloads } from './taskWorkloads'

export function sampleClientName(profile: IstioProfile): string {
  return atLeast(profile, '1.24') ? 'curl' : 'sleep'
}

export function istioSampleWorkloads(profile: IstioProfile): KubeObject[] {
  if (profile === '1.0') return seedWorkloads()
  return modernTaskWorkloads(profile, { client: sampleClientName(profile) })
}
