// Declarative resources: a resource is one declaration, and the framework derives its handlers.
//
//   declareResource({ typeName, noun, attributes, api, describeError, constraints?, checks?, importId? }, extras?)
//   declareDataSource({ typeName, noun, attributes, lookups, idOf, describeError })
//
// Per attribute (AttributeDeclaration): `field` (API field, dotted for nested), `send` (body key or false),
// `codec` (conversion and semantic equality: text, number, bool, optionalAmount, stringList, spelledText,
// jsonObjectText with server-owned keys, numberMap, clearableText, listedStrings; or your own; `fromApi`
// may read the API's value in the form the user wrote, `nullMeans` makes none one spelling), and how it behaves:
//   computed       read only (spend, created_at)        volatile      unknown in a plan that changes the object
//   serverDefault  LiteLLM may fill it; null config keeps what the server has, no diff
//   forceNew       a change replaces                    default       the plan's value for null config
//   whenRemoved    "clear" (send codec.clear), "replace" or "keep" (with a warning in the plan) when LiteLLM cannot clear it
//   alwaysSend     sent on every update                 writeOnly     not returned by the API; state keeps it (or its default)
// From that: create sends every planned value, stores the id the api returns, reads back and reports each
// planned value LiteLLM did not keep (attribute path); read builds state from the API keeping the user's
// spelling where it means the same (so drift shows only real changes, and a gone object leaves state);
// update sends what changed (removed attributes as their clearing value, server-owned metadata keys merged
// from a fresh read); import reads by id (`importId` parses compound ids). The api functions are the
// declaration's own (the framework imports no client); `describeError` turns their errors into messages.
// Also: `within` (a key inside the object another attribute sends, such as metadata), `together` (sent as a
// group), api.newId (an id of our own: a create that may have acted stays in state), and a serverDefault the
// configuration sets to a value sent as null is removed after create when the server filled it (server-fill.ts).
// Quirks go in `extras` (modifyPlan with the client, validate) and in the api functions: `create` may add
// warnings, and throws a Refusal to say in its own words why it created nothing; `whyMissing` explains an
// import that finds nothing; `importId` may look the id up (a Refusal says why not); an attribute's `planRule`
// carries an API rule about its plan, and `whenNotApplied` says why LiteLLM may not keep a value.
// What an object owns beyond its fields (a user's key, its memberships): `privateState` is read before and
// written after every handler and given to the api functions as `own`; `api.afterWrite` brings those parts in
// line after create and update; `afterRead` adds them to state after every read. Cross-attribute checks:
// ../validators.ts (exactlyOneOf, atLeastOneOf...).
export * from "./codec";
export { jsonObject, jsonObjectOf, stringMap } from "./object-codecs";
export * from "./codec-variants";
export type { AttributeDeclaration, AttributePlanRule, Body, ImportId, PrivateState, Remote, ResourceApi, ResourceDeclaration, WhenRemoved, Write, ApiErrorInfo } from "./declaration";
export { declareResource, type ResourceExtras } from "./resource";
export { declareDataSource, type DataSourceDeclaration, type Lookup } from "./data-source";
export { stateFromRemote, fieldValue, same, show, createBody, changedArguments, updateBody } from "./mapping";
export { exactlyOneOf, atMostOneOf, atLeastOneOf, requiresAlso, type ConfigCheck } from "../validators";
export { Refusal, isRefusal } from "./refusal";
