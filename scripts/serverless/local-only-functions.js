'use strict';
/**
 * Leaves the local-and-test-only functions (`custom.localOnlyFunctions`: the dev sign-in and the
 * dev grant) out of every other stage's package, so no deployed stage has their routes, roles or
 * write permissions at all. The local gateway reads serverless.yml itself and still serves them.
 */
const LOCAL_STAGES = ['local', 'test'];

class LocalOnlyFunctions {
  constructor(serverless, options) {
    this.serverless = serverless;
    this.options = options ?? {};
    this.hooks = { 'before:package:initialize': () => this.dropOutsideLocalStages() };
  }

  dropOutsideLocalStages() {
    const service = this.serverless.service;
    const stage = this.options.stage ?? service.provider.stage;
    if (LOCAL_STAGES.includes(stage)) return;
    for (const name of service.custom?.localOnlyFunctions ?? []) delete service.functions[name];
  }
}
module.exports = LocalOnlyFunctions;
