// Query-parameter paging shared by the list routes: FastAPI's Query(default, ge=, le=) checks, then one page.

import { validationError, type ValidationIssue } from "../errors";
import { Reply } from "../http-types";
import { queryValue, type Query } from "../query";

export interface Paging {
  page: number;
  size: number;
}

/** `page` (≥ 1, default 1) and the size parameter, named as the route names it. */
export function pagingParams(query: Query, sizeName: string, defaultSize: number, maxSize: number): Paging {
  return { page: intParam(query, "page", 1, 1), size: intParam(query, sizeName, defaultSize, 1, maxSize) };
}

export function pageOf<T>(rows: T[], { page, size }: Paging): { items: T[]; totalPages: number } {
  return { items: rows.slice((page - 1) * size, page * size), totalPages: Math.ceil(rows.length / size) };
}

/** FastAPI Query(default, ge=, le=) validation. */
export function intParam(query: Query, name: string, fallback: number, min: number, max?: number): number {
  const raw = queryValue(query, name);
  if (raw === undefined) return fallback;
  const fail = (issue: Omit<ValidationIssue, "loc" | "input">): never => {
    throw new Reply(validationError([{ ...issue, loc: ["query", name], input: raw }]));
  };
  const m = /^\s*([+-]?\d+)\s*$/.exec(raw);
  if (!m) fail({ type: "int_parsing", msg: "Input should be a valid integer, unable to parse string as an integer" });
  const value = Number(m![1]);
  if (value < min) fail({ type: "greater_than_equal", msg: `Input should be greater than or equal to ${min}`, ctx: { ge: min } });
  if (max !== undefined && value > max) fail({ type: "less_than_equal", msg: `Input should be less than or equal to ${max}`, ctx: { le: max } });
  return value;
}
