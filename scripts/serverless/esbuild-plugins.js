// esbuild plugins for the function bundles (serverless.yml custom.esbuild.plugins, and the bench's
// floor comparison through scripts/lib/floor-bundle.ts).
const { readFile } = require('node:fs/promises');

// The contract modules (functions/contract) build their zod schemas and routes at module level.
// Those calls have no side effects, but esbuild cannot know it, so every handler would carry every
// schema and route of the files it imports. Marking each such call pure lets esbuild drop what a
// handler does not use (tests/unit/packaged-stack.test.ts holds the bundles to their budget).
// Go regular expressions (esbuild's) have no look-ahead, so the generator's own files are skipped in onLoad.
const CONTRACT_FILE = /[\\/]functions[\\/]contract[\\/][\w-]+\.ts$/;
const NOT_SCHEMAS = /[\\/](openapi|openapi-extension|routes|index)\.ts$/;
const BUILDERS = 'z\\.|(?:route|named|documented|text|int|id|isoTime|day|httpsUrl|page|pageQuery)\\(';
const STARTS = [
  // a value after `= `, `: `, `, `, `( ` or `[ `
  new RegExp(`(?<=[=:(\\[,] )(?=${BUILDERS})`, 'g'),
  // a value right after `(` or `[`
  new RegExp(`(?<=[(\\[])(?=${BUILDERS})`, 'g'),
  // a value that starts an indented line (an argument list split over lines)
  new RegExp(`^(\\s+)(?=${BUILDERS})`, 'gm'),
];

/** Exported for its unit test. */
function markContractCallsPure(source) {
  const [afterToken, afterBracket, lineStart] = STARTS;
  return source.replace(afterToken, '/* @__PURE__ */ ').replace(afterBracket, '/* @__PURE__ */ ').replace(lineStart, '$1/* @__PURE__ */ ');
}

const pureContract = {
  name: 'pure-contract',
  setup(build) {
    build.onLoad({ filter: CONTRACT_FILE }, async (args) =>
      NOT_SCHEMAS.test(args.path) ? undefined : { contents: markContractCallsPure(await readFile(args.path, 'utf8')), loader: 'ts' },
    );
  },
};

module.exports = [pureContract];
module.exports.markContractCallsPure = markContractCallsPure;
