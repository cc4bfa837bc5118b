/**
 * The lesson API with no bundler-specific imports: safe to import from Node (tsx) as well as from
 * the app. index.ts adds the built-in lessons for Vite-built code.
 */
export * from './types'
export { parseLesson, formatLessonError } from './parse/parseLesson'
export { lessonStepResources } from './resources'
export { lessonStepRequests, cellKey, DEFAULT_PATH, type StepProbe } from './requests'
export { computeStepGrid, computeStepTlsCheck, type StepGridDeps } from './stepGrid'
export { lessonStepModel, lessonOptions } from './model'
export { BUILTIN_LESSON_FILES, BASE_FILES, loadBases, loadBuiltinLessons } from './builtinFiles'
