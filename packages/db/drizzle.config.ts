// drizzle-kit: generates SQL migrations from src/schema/ into migrations/ (no database needed).
import { defineConfig } from "drizzle-kit";

export default defineConfig({ dialect: "postgresql", schema: "./src/schema/index.ts", out: "./migrations" });
