/** Small 16px stroke icons, drawn for this app. Decorative: the button around them carries the name. */
const PATHS = {
  undo: 'M5.5 3.5 2.5 6.5l3 3M2.5 6.5h7a4 4 0 0 1 0 8h-3',
  more: 'M3.5 8h.01M8 8h.01M12.5 8h.01',
  redo: 'M10.5 3.5l3 3-3 3M13.5 6.5h-7a4 4 0 0 0 0 8h3',
  plus: 'M8 3v10M3 8h10',
  reset: 'M2.5 8a5.5 5.5 0 1 0 1.7-4M2.5 2.5v3h3',
  upload: 'M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10.5v2a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-2',
  download: 'M8 2.5v8M5 7.5l3 3 3-3M2.5 10.5v2a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-2',
  share: 'M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 0 1 3.6 3.6L10.6 8.1M9 11.5l-1.2 1.2a2.6 2.6 0 0 1-3.6-3.6L5.4 7.9',
  copy: 'M5.5 5.5h7v8h-7zM3.5 10.5v-8h7',
  close: 'M4 4l8 8M12 4l-8 8',
  chevronDown: 'M4 6l4 4 4-4',
  info: 'M8 7.5v4M8 5v.01M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z',
  check: 'M3 8.5l3 3 7-7',
  alert: 'M8 5.5v3.5M8 11.5v.01M7.1 2.5 1.7 12a1 1 0 0 0 .9 1.5h10.8a1 1 0 0 0 .9-1.5L8.9 2.5a1 1 0 0 0-1.8 0z',
  error: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4',
  file: 'M4 1.5h5l3 3v10H4zM9 1.5v3h3',
  paste: 'M5.5 2.5h5v2h-5zM10.5 3.5h2v11h-9v-11h2',
  image: 'M2.5 3.5h11v9h-11zM2.5 10.5l3-3 3 3 2-2 3 3M10.5 6.5v.01',
  terminal: 'M2.5 3.5h11v9h-11zM5 7l2 1.5L5 10M8.5 10.5H11',
  external: 'M9.5 2.5h4v4M13.5 2.5 8 8M11.5 9.5v4h-9v-9h4',
  workshop: 'M1.5 6 8 3l6.5 3L8 9zM4 7.3v3.2c0 1 1.8 2 4 2s4-1 4-2V7.3M14.5 6v4',
  key: 'M7.75 8a2.75 2.75 0 1 1-5.5 0 2.75 2.75 0 0 1 5.5 0zM7.75 8H14M11.5 8v2.5M13.5 8v2',
  token: 'M2.5 4h11v8h-11zM5 7h6M5 9.5h3.5',
  clock: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 4.5V8l2.5 1.5',
  pause: 'M5.5 3.5v9M10.5 3.5v9',
  play: 'M5 3.5v9l7-4.5z',
  loop: 'M2.5 8a5.5 5.5 0 0 1 9.4-3.9L13.5 5.5M13.5 2.5v3h-3M13.5 8a5.5 5.5 0 0 1-9.4 3.9L2.5 10.5M2.5 13.5v-3h3',
  present: 'M1.5 2.5h13v8h-13zM8 10.5v3M5.5 13.5h5M5 5.5h4M5 7.5h6',
  prev: 'M10 3.5 5.5 8l4.5 4.5',
  next: 'M6 3.5l4.5 4.5L6 12.5',
  back: 'M6.5 3.5 2.5 7.5l4 4M2.5 7.5h7a4 4 0 0 1 0 8',
  // Two sheets, the front one drafted: edits staged on top of the design.
  staged: 'M5.5 2.5h8v8M2.5 5.5h8v8h-8zM4.5 9.5h4M4.5 11.5h2.5',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
