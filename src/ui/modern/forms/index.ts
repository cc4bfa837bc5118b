export { PeerAuthForm } from './PeerAuthForm'
export { RequestAuthForm } from './RequestAuthForm'
export { AuthzPolicyForm } from './AuthzPolicyForm'
