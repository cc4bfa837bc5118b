/** A message for the banner under the toolbar. */
export interface Notice {
  tone: 'error' | 'info' | 'success'
  text: string
}

export type Notify = (notice: Notice) => void
