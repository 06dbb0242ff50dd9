// The seed's "User with Team Assignment" example: the app of examples/cdktf-teams/main.ts on CDK Terrain.
import { TerraformOutput, TerraformStack } from "cdktn";
import { Construct } from "constructs";
import { provider, team, teamMember, user } from "litellm-tf/cdktn";

export class LitellmTeamsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // The provider reads LITELLM_API_BASE and LITELLM_API_KEY at plan and apply time, never at synth.
    new provider.LitellmProvider(this, "litellm", {});

    // "backend" is the construct id the kit gives the stack's state backend, so this team takes another id
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
