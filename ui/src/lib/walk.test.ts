import { describe, expect, it } from "vitest";
import type { DoorView, PersonView } from "../api";
import { callQueue, countDone, filterDoors, indexDoors, streetOf, walkRows } from "./walk";

function person(i: number, extra: Partial<PersonView> = {}): PersonView {
  return {
    id: `p${i}`,
    household_id: `h${i}`,
    given_name: i % 2 ? "An" : "Maria",
    middle_name: "",
    family_name: i % 3 ? "Nguyễn" : "García",
    native_name: i % 5 === 0 ? "李小龍" : "",
    preferred_language: "vi",
    spoken_languages: [],
    phones: i % 4 ? [`555-01${String(i).padStart(2, "0")}`] : [],
    emails: [],
    birth_year: null,
    do_not_contact: i % 7 === 0,
    attempts: [],
    ...extra,
  };
}

function door(i: number, street = "N MAIN ST"): DoorView {
  return { household_id: `h${i}`, address_line: `${100 + i} ${street}`, city: "Fresno", zip: "93701", people: [person(i)], done: i % 2 === 0, last_result: i % 2 === 0 ? "not_home" : null };
}

describe("streetOf", () => {
  it.each([
    ["123 1/2 N MAIN ST #4", "N MAIN ST"],
    ["123A ELM AVE APT 2", "ELM AVE"],
    ["12 ½ OAK ST", "OAK ST"],
    ["PO BOX 7", "PO BOX 7"],
  ])("%s → %s", (line, street) => expect(streetOf(line)).toBe(street));
});

describe("walk list", () => {
  it("puts a heading before each new street, keeping walk order", () => {
    const rows = walkRows([door(1), door(2), door(3, "ELM AVE"), door(4)]);
    expect(rows.map((r) => (r.kind === "street" ? r.street : r.door.household_id))).toEqual(["N MAIN ST", "h1", "h2", "ELM AVE", "h3", "N MAIN ST", "h4"]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it("filters by address, folded name and native script", () => {
    const idx = indexDoors([door(1), door(2), door(3, "ELM AVE"), door(5)]);
    expect(filterDoors(idx, "elm").map((d) => d.household_id)).toEqual(["h3"]);
    expect(filterDoors(idx, "nguyen").length).toBeGreaterThan(0);
    expect(filterDoors(idx, "小龍").map((d) => d.household_id)).toEqual(["h5"]);
    expect(filterDoors(idx, "  ").length).toBe(4);
  });

  it("filters five thousand doors well within a keystroke", () => {
    const doors = Array.from({ length: 5000 }, (_, i) => door(i, i % 40 === 0 ? "ELM AVE" : "N MAIN ST"));
    const idx = indexDoors(doors);
    const t0 = performance.now();
    for (const q of ["n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen 12"]) filterDoors(idx, q);
    const perKeystroke = (performance.now() - t0) / 7;
    expect(perKeystroke).toBeLessThan(50);
  });

  it("counts done doors and queues callable people", () => {
    const doors = [door(1), door(2), door(4), door(7)];
    expect(countDone(doors)).toBe(2);
    // h4 has no phone (i % 4 == 0) and h7 is do-not-contact.
    expect(callQueue(doors).map((q) => q.person.id)).toEqual(["p1", "p2"]);
  });
});
