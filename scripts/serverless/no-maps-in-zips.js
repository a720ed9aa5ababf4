'use strict';
/**
 * Keeps source maps out of every function's zip (they stay in .esbuild/.build beside it).
 * serverless-esbuild applies exclusions only from function-level `package.patterns`
 * (floydspace/serverless-esbuild#442), so this adds `!**\/*.map` to each function.
 */
class NoMapsInZips {
  constructor(serverless) {
    for (const fn of Object.values(serverless.service.functions ?? {})) {
      fn.package = fn.package ?? {};
      fn.package.patterns = [...(fn.package.patterns ?? []), '!**/*.map'];
    }
  }
}
module.exports = NoMapsInZips;
