// The import rules of the layers (README "Layout"), checked by test/architecture/dependency-rules.test.ts.
// Imports point down: framework → protocol (the bridge), resources → framework and → litellm (the client);
// all of them → values (the value model) and log.ts. The emulator and the CLI sit beside the layers.
// A production file is any file under provider/ except tests (*.test.ts) and their helpers (*.test-support.ts).

const PRODUCTION_TEST_FILES = "\\.test(-support)?\\.ts$";
const layer = (name) => ({ path: `^provider/${name}/`, pathNot: PRODUCTION_TEST_FILES });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "protocol-imports-no-layer-above",
      comment: "The bridge knows tfplugin6, not Terraform semantics, resources, LiteLLM or the CLI.",
      severity: "error",
      from: layer("protocol"),
      to: { path: "^provider/(framework|resources|litellm|emulator|cli)/" },
    },
    {
      name: "framework-imports-no-resources-or-litellm",
      comment: "The framework serves any resource; the resources plug into it, not the other way round.",
      severity: "error",
      from: layer("framework"),
      to: { path: "^provider/(resources|litellm|emulator|cli)/" },
    },
    {
      name: "resources-import-no-protocol",
      comment: "Resources see values (provider/values/) and the framework, never the wire.",
      severity: "error",
      from: layer("resources"),
      to: { path: "^provider/(protocol|emulator|cli)/" },
    },
    {
      name: "litellm-imports-no-emulator-or-layer-above",
      comment: "The client knows LiteLLM's API only; sharing code with the emulator would let them agree instead of test each other.",
      severity: "error",
      from: layer("litellm"),
      to: { path: "^provider/(emulator|protocol|framework|resources|values|cli)/" },
    },
    {
      name: "emulator-imports-no-litellm-or-layer-above",
      comment: "The emulator reproduces LiteLLM from its own reading of LiteLLM; it shares nothing with the client or the provider.",
      severity: "error",
      from: layer("emulator"),
      to: { path: "^provider/(litellm|protocol|framework|resources|values|cli)/" },
    },
    {
      name: "values-import-no-layer",
      comment: "The value model is the floor every layer stands on.",
      severity: "error",
      from: layer("values"),
      to: { path: "^provider/(protocol|framework|resources|litellm|emulator|cli)/" },
    },
    {
      name: "production-imports-no-dev-dependency",
      comment: "The published package installs dependencies (and the constructs' peers) only; a devDependency is missing for its users.",
      severity: "error",
      from: { path: "^(provider|schema/cdktf)/", pathNot: PRODUCTION_TEST_FILES },
      to: {
        dependencyTypes: ["npm-dev"],
        dependencyTypesNot: ["npm", "npm-peer", "npm-optional", "type-only", "triple-slash-type-reference"],
      },
    },
    {
      name: "production-imports-no-test-code",
      comment: "Tests and their helpers are not shipped.",
      severity: "error",
      from: { path: "^(provider|schema/cdktf)/", pathNot: PRODUCTION_TEST_FILES },
      to: { path: [PRODUCTION_TEST_FILES, "^test/"] },
    },
    {
      name: "no-cycles",
      comment: "A cycle makes load order matter and the layers meaningless.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-unresolvable-imports",
      comment: "An import the resolver cannot find is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
