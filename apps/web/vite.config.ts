import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The root is the working directory (npm -w runs here) or the one the server passes when it builds.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
