/** The canvas and its palette (the app shell lays them out). */
export { Canvas } from './Canvas'
export { Palette } from './Palette'
export { toFlow, type Flow } from './toFlow'
