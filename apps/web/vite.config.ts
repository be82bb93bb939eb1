// The web app's build: one entry (index.html), routes split into lazy chunks so the first
// screen loads only the shell. `npm run dev -w @chidao/web` proxies /api to a running
// `chidao serve` (CHIDAO_API, default http://127.0.0.1:3000).
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, manifest: true, sourcemap: false, target: "es2022" },
  server: { proxy: { "/api": process.env.CHIDAO_API ?? "http://127.0.0.1:3000" } },
});
