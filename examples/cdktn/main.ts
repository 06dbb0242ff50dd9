// Example CDK Terrain app: the users of examples/cdktf/ and the team of examples/cdktf-teams/, as two stacks.
//   LITELLM_API_BASE=... LITELLM_API_KEY=... npx cdktn deploy litellm-users litellm-teams --skip-provider-lock
// See docs/cdktf.md for pointing terraform at the provider.
import { App } from "cdktn";
import { LitellmTeamsStack } from "./teams-stack";
import { LitellmUsersStack } from "./users-stack";

const app = new App();
new LitellmUsersStack(app, "litellm-users");
new LitellmTeamsStack(app, "litellm-teams");
app.synth();
