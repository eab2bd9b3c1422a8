import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run the runtime from its sources, as the type-checker sees it (tsconfig.json `paths`),
// not from its built package: one copy of each runtime module, whatever the import.
const source = (file: string) => fileURLToPath(new URL(`./runtime/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@crm-policy\/runtime$/, replacement: source("index.ts") },
      { find: /^@crm-policy\/runtime\/toolchain$/, replacement: source("toolchain.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
