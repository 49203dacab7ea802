// Hash routes, so a deep link works the same over Tauri's custom protocol and
// plain HTTP, and tests can open any screen directly.
export type Route =
  | { name: "home" }
  | { name: "pair" }
  | { name: "lists" }
  | { name: "list"; listId: string }
  | { name: "door"; householdId: string; listId: string | null }
  | { name: "script"; listId: string; householdId: string | null; personId: string | null }
  | { name: "speak"; householdId: string; personId: string; listId: string | null }
  | { name: "call"; listId: string; personId: string | null }
  | { name: "event"; listId: string | null }
  | { name: "search"; query: string }
  | { name: "settings" };

export type RouteName = Route["name"];

function seg(s: string | undefined): string {
  return s ? decodeURIComponent(s) : "";
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [path, qs = ""] = raw.split("?", 2);
  const q = new URLSearchParams(qs);
  const parts = path.split("/").filter((p) => p !== "");
  const [head, a, b] = parts;
  switch (head) {
    case "pair":
      return { name: "pair" };
    case "lists":
      return { name: "lists" };
    case "list":
      if (a) return { name: "list", listId: seg(a) };
      break;
    case "door":
      if (a) return { name: "door", householdId: seg(a), listId: q.get("list") };
      break;
    case "script":
      if (a) return { name: "script", listId: seg(a), householdId: q.get("door"), personId: q.get("person") };
      break;
    case "speak":
      if (a && b) return { name: "speak", householdId: seg(a), personId: seg(b), listId: q.get("list") };
      break;
    case "call":
      if (a) return { name: "call", listId: seg(a), personId: q.get("person") };
      break;
    case "event":
      return { name: "event", listId: q.get("list") };
    case "search":
      return { name: "search", query: q.get("q") ?? "" };
    case "settings":
      return { name: "settings" };
  }
  return { name: "home" };
}

function query(params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

const e = encodeURIComponent;

export function href(route: Route): string {
  switch (route.name) {
    case "home":
      return "#/";
    case "pair":
    case "lists":
    case "settings":
      return `#/${route.name}`;
    case "list":
      return `#/list/${e(route.listId)}`;
    case "door":
      return `#/door/${e(route.householdId)}${query({ list: route.listId })}`;
    case "script":
      return `#/script/${e(route.listId)}${query({ door: route.householdId, person: route.personId })}`;
    case "speak":
      return `#/speak/${e(route.householdId)}/${e(route.personId)}${query({ list: route.listId })}`;
    case "call":
      return `#/call/${e(route.listId)}${query({ person: route.personId })}`;
    case "event":
      return `#/event${query({ list: route.listId })}`;
    case "search":
      return `#/search${query({ q: route.query })}`;
  }
}

export function go(route: Route, replace = false): void {
  const h = href(route);
  if (replace) history.replaceState(null, "", h);
  else location.hash = h;
  if (replace) window.dispatchEvent(new HashChangeEvent("hashchange"));
}
