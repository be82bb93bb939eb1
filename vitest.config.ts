import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@chidao/core": src("./packages/core/src/index.ts"),
      "@chidao/extract": src("./packages/extract/src/index.ts"),
      "@chidao/db": src("./packages/db/src/index.ts"),
      "@chidao/registry": src("./packages/registry/src/index.ts"),
      "@chidao/work": src("./packages/work/src/index.ts"),
      "@chidao/server": src("./apps/server/src/index.ts"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["test/setup.ts"],
    globalSetup: ["test/support/pg-cluster.ts"],
  },
});
