/** `file.yaml?json` (vite.config.ts, yamlAsJson): the file's YAML documents as one JSON string. */
declare module '*.yaml?json' {
  const json: string
  export default json
}
