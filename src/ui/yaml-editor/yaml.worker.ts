// Bundled by Vite as its own worker chunk through `./yaml.worker?worker` (monaco-yaml's Vite recipe).
import 'monaco-yaml/yaml.worker.js'
