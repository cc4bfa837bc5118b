/** 16px stroke icons of workshop mode (the shared set has none of these). Decorative. */
const PATHS = {
  lesson: 'M1.5 6 8 3l6.5 3L8 9zM4 7.3v3.2c0 1 1.8 2 4 2s4-1 4-2V7.3M14.5 6v4',
  present: 'M1.5 2.5h13v8h-13zM8 10.5v3M5.5 13.5h5M5 5.5h4M5 7.5h6',
  prev: 'M10 3.5 5.5 8l4.5 4.5',
  next: 'M6 3.5l4.5 4.5L6 12.5',
  back: 'M6.5 3.5 2.5 7.5l4 4M2.5 7.5h7a4 4 0 0 1 0 8',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
} as const

export type WorkshopIconName = keyof typeof PATHS

export function WorkshopIcon({ name, size = 16 }: { name: WorkshopIconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  )
}
