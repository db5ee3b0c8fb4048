import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development Vite serves the app and proxies the API; in production the API process serves dist/.
const api = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  // The browser's Origin must reach the API unchanged, or its CSRF check refuses signed-in writes.
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ["/v1", "/docs", "/health", "/ready", "/katalog", "/nyhetsbrev", "/tillganglighet"].map((path) => [
        path,
        { target: api, changeOrigin: false },
      ]),
    ),
  },
  build: { outDir: "dist", sourcemap: true, target: "es2022" },
});
