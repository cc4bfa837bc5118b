/** The designer's modern-API pieces (Istio 1.5 ... 1.30): profile picker, profile notice, request extras, forms. */
export { ProfilePicker, ProfileSelect } from './ProfilePicker'
export { ProfileNotice } from './ProfileNotice'
export { RequestExtras } from './RequestExtras'
