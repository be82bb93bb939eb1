/**
 * Property-based tests run with a fixed seed so CI is reproducible; `FC_SEED=random npm test`
 * explores new cases (a failure prints its seed to replay with FC_SEED=<seed>).
 */
import fc from "fast-check";

const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed ? Number(seed) : 20261123 });
