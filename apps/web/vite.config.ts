import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/** The SPA takes only types from @tributary/contracts; a build that pulls zod in fails, naming why. */
function noZodInBundle(): Plugin {
  return {
    name: 'tributary:no-zod-in-bundle',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        const zod = chunk.moduleIds.find((id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id))
        if (zod) this.error(`${chunk.fileName} contains ${zod}: import contracts with \`import type\` only`)
      }
    },
  }
}

// The root is the working directory (npm -w runs here) or the one the server passes when it builds.
export default defineConfig({
  plugins: [react(), noZodInBundle()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
