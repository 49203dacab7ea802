import { describe, expect, it } from "vitest";
import { href, parseHash, type Route } from "./route";

describe("hash routes", () => {
  const routes: Route[] = [
    { name: "pair" },
    { name: "lists" },
    { name: "list", listId: "0191-aa" },
    { name: "door", householdId: "h 1/2", listId: "L1" },
    { name: "door", householdId: "h1", listId: null },
    { name: "script", listId: "L1", householdId: "h1", personId: "p1" },
    { name: "script", listId: "L1", householdId: null, personId: null },
    { name: "speak", householdId: "h1", personId: "p1", listId: "L1" },
    { name: "call", listId: "L2", personId: null },
    { name: "event", listId: null },
    { name: "search", query: "Nguyễn 李" },
    { name: "settings" },
  ];
  it.each(routes)("round-trips %j", (route) => {
    expect(parseHash(href(route))).toEqual(route);
  });
  it("sends unknown or incomplete paths home", () => {
    expect(parseHash("")).toEqual({ name: "home" });
    expect(parseHash("#/door")).toEqual({ name: "home" });
    expect(parseHash("#/nowhere/1")).toEqual({ name: "home" });
  });
});
