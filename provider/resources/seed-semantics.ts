// How the seeds' spellings map onto LiteLLM's, and when two spellings mean the same thing.
// The native form is what LiteLLM receives; state keeps what the user wrote whenever it means the same.

/** The roles /user/new and /user/update accept. */
export const nativeRoles = ["proxy_admin", "proxy_admin_viewer", "internal_user", "internal_user_viewer"] as const;
/** The Terraform seed's admin/user and the operator seed's admin/customer. */
export const roleAliases: Record<string, string> = { admin: "proxy_admin", user: "internal_user", customer: "internal_user" };
export const acceptedRoles = [...Object.keys(roleAliases), ...nativeRoles];

export function nativeRole(role: string): string {
  return roleAliases[role] ?? role;
}

/** The Terraform seed's budget periods, in LiteLLM's duration form. */
export const budgetDurationAliases: Record<string, string> = { hourly: "1h", daily: "1d", weekly: "7d", monthly: "1mo" };
/**
 * LiteLLM's own form, longer than zero (the newest LiteLLM answers 400 for a zero length, older ones reset it at
 * every check); months beyond 1 make LiteLLM fail, so they are refused here.
 */
export const budgetDurationPattern = "^(hourly|daily|weekly|monthly|0*[1-9][0-9]*[smhdw]|0*1mo)$";
export const keyDurationPattern = "^[0-9]+(s|m|h|d|w|mo)$";

export function nativeBudgetDuration(d: string): string {
  return budgetDurationAliases[d] ?? d;
}

/**
 * Two budget durations are the same when LiteLLM resets them on the same schedule
 * (duration_parser.get_next_standardized_reset_time, with the default midnight reset time): "7d", "1w" and
 * "weekly"; "30d", "1mo" and "monthly"; "1d", "daily", "24h" and any multiple of 24 hours (LiteLLM wraps an
 * hour count past a day to the next day, so "720h" resets daily, not monthly); "1h" and "60m"; "1m" and "60s".
 */
export function budgetDurationsEquivalent(a: string, b: string): boolean {
  return resetSchedule(nativeBudgetDuration(a)) === resetSchedule(nativeBudgetDuration(b));
}

function resetSchedule(d: string): string {
  const m = /^0*([0-9]+)(mo|[smhdw])$/.exec(d);
  if (!m) return d;
  const n = Number(m[1]);
  switch (m[2]) {
    case "w":
    case "d": {
      const days = m[2] === "w" ? n * 7 : n;
      return days === 30 ? "1mo" : `${days}d`;
    }
    case "h":
      if (n < 24) return `${n}h`;
      return n % 24 === 0 ? "1d" : `daily at ${n % 24}h`;
    case "m":
      return n === 60 ? "1h" : `${n}m`;
    case "s":
      return n === 60 ? "1m" : `${n}s`;
    default:
      return `${n}mo`;
  }
}

export function emailsEquivalent(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
