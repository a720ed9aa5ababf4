'use strict';
/**
 * Empties serverless-esbuild's output folder before it bundles. With keepOutputDirectory the folder
 * outlives a package, and serverless-esbuild zips what it finds there: after functions are renamed
 * or merged, a zip would carry the bundles of functions that no longer exist.
 */
const { rmSync } = require('node:fs');
const { join } = require('node:path');

class FreshBuild {
  constructor(serverless) {
    this.hooks = {
      'before:package:createDeploymentArtifacts': () => rmSync(join(serverless.config.servicePath, '.esbuild', '.build'), { recursive: true, force: true }),
    };
  }
}
module.exports = FreshBuild;
