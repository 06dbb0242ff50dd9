// LiteLLM's _check_model_access_group: without an enterprise licence, /key/generate and /key/update answer 403
// when `models` names a model access group of a wildcard route (a group holding `openai/*`, or a deployment
// such a pattern routes). The provider's error points at `models` and says the two ways out.
import { licenceRefusal } from "../api-errors";
import { isLiteLLMError } from "../../litellm/errors";

const WILDCARD_GROUP = /model access group on a wildcard model/;

/** The refusal for that 403, or the error itself for any other. */
export function explainWildcardGroup(e: unknown): unknown {
  if (!isLiteLLMError(e) || e.status !== 403 || !WILDCARD_GROUP.test(e.serverMessage)) return e;
  return licenceRefusal(
    "models",
    "the key's models",
    "one of them is a model access group of wildcard deployments (such as openai/*), which a key may name only with a LiteLLM enterprise licence",
    "list the group's model names in models instead of the group",
    e.serverMessage,
  );
}
