// Example CDKTF app: the seed's "User with Team Assignment" example, written with the generated constructs.
//   LITELLM_API_BASE=... LITELLM_API_KEY=... npx cdktf deploy --skip-provider-lock
// The same three resources as the HCL in examples/scenarios/team-assignment; see docs/cdktf.md for
// pointing terraform at the provider.
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { provider, team, teamMember, user } from "litellm-tf/cdktf";

class LitellmTeamsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // The provider reads LITELLM_API_BASE and LITELLM_API_KEY at plan and apply time, never at synth.
    new provider.LitellmProvider(this, "litellm", {});

    // "backend" is the construct id cdktf gives the stack's state backend, so this team takes another id
    // and keeps the seed's address, litellm_team.backend, through its logical id.
    const backend = new team.Team(this, "backend_team", { teamAlias: "backend-team" });
    backend.overrideLogicalId("backend");

    const backendDev = new user.User(this, "backend_dev", {
      userEmail: "backend-dev@company.com",
      userAlias: "backend-developer",
    });

    const membership = new teamMember.TeamMember(this, "dev_membership", {
      teamId: backend.teamId,
      userId: backendDev.userId,
      role: "user",
    });

    // The membership's ID is team_id:user_id, also its import ID.
    new TerraformOutput(this, "membership_id", { value: membership.id });
  }
}

const app = new App();
new LitellmTeamsStack(app, "litellm-teams");
app.synth();
