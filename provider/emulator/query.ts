// Query strings the way Starlette reads them (form encoding: "+" is a space), plus the raw variant
// /user/info falls back to so that a literal "+" in a user_id survives.

export type Query = Map<string, string[]>;

export function parseQuery(rawQuery: string, plusIsSpace = true): Query {
  const query: Query = new Map();
  if (!rawQuery) return query;
  for (const part of rawQuery.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = decode(eq < 0 ? part : part.slice(0, eq), plusIsSpace);
    const value = eq < 0 ? "" : decode(part.slice(eq + 1), plusIsSpace);
    const values = query.get(name) ?? [];
    values.push(value);
    query.set(name, values);
  }
  return query;
}

/** Starlette keeps the last value of a repeated parameter for a scalar Query(...). */
export function queryValue(query: Query, name: string): string | undefined {
  const values = query.get(name);
  return values?.[values.length - 1];
}

function decode(text: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, " ") : text;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
