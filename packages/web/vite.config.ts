import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @hamkke/web` serves the app with hot reload and sends /api to a server on :3000.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
