import { expect, test } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import type { ErrorObject } from "ajv";
import { readdirSync, readFileSync } from "node:fs";

// The content file's JSON Schema (docs/ladder.schema.json) and the
// validator agree. tests/schema.rs checks the validator's side
// (Ladder::parse); this file checks the schema's side, with Ajv in strict
// mode, on the same files and the same generated cases. No browser.
//
// Fixtures, in tests/fixtures/ladders/:
// - valid/*.json validate (so do assets/ladders/*.json and the template,
//   docs/ladder-template.json);
// - invalid/<key>--<what is wrong>.json each make one mistake the schema
//   can see; they fail, and an error points at "<key>".
//
// Generated cases, from docs/ladder-template.json. Every object of the
// template has a kind, found from its place, with required and optional
// fields (FIELDS below, the same table as in the Rust test):
//   root       the file itself
//   scale      /scale, /anti_pattern_scale
//   step       /<scale>/steps/<n>
//   choice     /<scale>/unsure, /<scale>/not_my_role
//   section    /sections/<n>
//   statement  /statements/<n>
//   new_hire   /new_hire
// Rules, each case named "<rule> <JSON pointer>":
//   drop-required   delete a required field                    -> refused
//   null-required   set a required field to null               -> refused
//   drop-optional   delete an optional field (*)               -> accepted
//   null-optional   set an optional field to null (*)          -> accepted
//   wrong-type      replace any value below the root: a string
//                   by 7, a number by "7", true/false by
//                   "true", a list by {}, an object by []      -> refused
//   unknown-field   add "unexpected_field": true to an object  -> refused
// (*) except "quick" (the quick check must touch every section: a rule
// only the validator checks) and "not_my_role" (the template's
// role-dependent statement needs it).
//
// Rules only the validator checks, because they look across the file (a
// schema checks each value on its own); the schema accepts these cases:
//   duplicate-section-id, duplicate-statement-id, unknown-section,
//   section-without-statements, section-without-quick,
//   step-values-not-increasing, step-labels-repeat,
//   unsure-label-is-a-step-label, not-my-role-label-is-unsure-label,
//   focus-unknown-statement, replaces-current-statement, replaced-twice,
//   and format-with-fraction ("format": 1.0: JavaScript reads 1.0 as 1).
// Where the schema is stricter: the validator trims spaces around ids,
// section references and the kind; the schema asks for them without
// (id-with-spaces, kind-with-spaces, section-with-spaces,
// focus-with-spaces: accepted by the validator, refused here).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  root: {
    required: ["format", "id", "title", "version", "scale", "sections", "statements"],
    optional: ["$schema", "about", "anti_pattern_scale", "new_hire", "retired"],
  },
  scale: { required: ["steps", "unsure"], optional: ["not_my_role"] },
  step: { required: ["value", "label", "description"], optional: ["they_label", "they_description"] },
  choice: { required: ["label", "description"], optional: ["they_label", "they_description"] },
  section: { required: ["id", "title", "summary"], optional: ["in_practice", "growth"] },
  statement: {
    required: ["id", "section", "kind", "text"],
    optional: ["quick", "they_text", "evidence", "they_evidence", "role_dependent", "ideas", "replaces", "topics"],
  },
  new_hire: { required: ["about", "focus"], optional: [] },
  retired: { required: ["id", "text"], optional: [] },
};

// Where each kind is defined in the schema.
const DEFINITIONS: Record<string, string> = {
  root: "",
  scale: "scale",
  step: "step",
  choice: "choice",
  section: "section",
  statement: "statement",
  new_hire: "newHire",
  retired: "retired",
};

// Optional fields the generated cases leave alone (see the rules above).
const KEEP = ["quick", "not_my_role"];

// Cases per rule; the Rust test expects the same numbers. Update both
// when the template changes.
const CASE_COUNTS: Record<string, number> = {
  "drop-required": 118,
  "null-required": 118,
  "drop-optional": 80,
  "null-optional": 80,
  "wrong-type": 292,
  "unknown-field": 35,
};

const project = new URL("../../", import.meta.url);
const text = (path: string) => readFileSync(new URL(path, project), "utf8");
const json = (path: string): Json => JSON.parse(text(path));

const schema = json("docs/ladder.schema.json") as Obj;
const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
const validate = ajv.compile(schema);
const templateText = text("docs/ladder-template.json");
const template = (): Obj => JSON.parse(templateText);

function check(value: Json): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

const describe = (errors: ErrorObject[]) =>
  errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`).join("\n");

function fixtures(folder: string): [string, string][] {
  const dir = `tests/fixtures/ladders/${folder}/`;
  return readdirSync(new URL(dir, project))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => [name, text(dir + name)]);
}

const segments = (pointer: string) => pointer.split("/").slice(1);
const isIndex = (s: string) => /^\d+$/.test(s);
const isScale = (s: string) => s === "scale" || s === "anti_pattern_scale";

function kindOf(pointer: string): string | undefined {
  const s = segments(pointer);
  if (s.length === 0) return "root";
  if (s.length === 1 && isScale(s[0])) return "scale";
  if (s.length === 3 && isScale(s[0]) && s[1] === "steps" && isIndex(s[2])) return "step";
  if (s.length === 2 && isScale(s[0]) && (s[1] === "unsure" || s[1] === "not_my_role")) return "choice";
  if (s.length === 2 && s[0] === "sections" && isIndex(s[1])) return "section";
  if (s.length === 2 && s[0] === "statements" && isIndex(s[1])) return "statement";
  if (s.length === 1 && s[0] === "new_hire") return "new_hire";
  return undefined;
}

const isObject = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

// Every value below the root with its JSON pointer, parents first.
function values(value: Json, pointer = "", out: [string, Json][] = []): [string, Json][] {
  const children: [string, Json][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, item] of children) {
    const at = `${pointer}/${key}`;
    out.push([at, item]);
    values(item, at, out);
  }
  return out;
}

// Every object of a known kind: pointer, kind, the object.
function objects(value: Json): [string, string, Obj][] {
  const all: [string, Json][] = [["", value], ...values(value)];
  return all.flatMap(([pointer, v]) => {
    const kind = kindOf(pointer);
    return kind && isObject(v) ? [[pointer, kind, v] as [string, string, Obj]] : [];
  });
}

function at(root: Obj, pointer: string): Json {
  return segments(pointer).reduce<Json>((v, key) => (v as Obj)[key], root);
}

function parentAndKey(pointer: string): [string, string] {
  const cut = pointer.lastIndexOf("/");
  return [pointer.slice(0, cut), pointer.slice(cut + 1)];
}

function change(pointer: string, how: "remove" | { set: Json }): Obj {
  const value = template();
  const [parent, key] = parentAndKey(pointer);
  const holder = at(value, parent) as Obj;
  if (how === "remove") delete holder[key];
  else holder[key] = how.set;
  return value;
}

type Case = {
  rule: string;
  pointer: string;
  value: Obj;
  refused: boolean;
  // For refused cases: the place an error must point at (a field that is
  // missing, unknown or of the wrong type).
  place?: string;
};

// The generated cases, by the rules at the top of this file.
function generated(): Case[] {
  const base = template();
  const cases: Case[] = [];
  for (const [pointer, kind, object] of objects(base)) {
    const { required, optional } = FIELDS[kind];
    for (const key of Object.keys(object)) {
      const field = `${pointer}/${key}`;
      if (required.includes(key)) {
        cases.push({ rule: "drop-required", pointer: field, value: change(field, "remove"), refused: true, place: field });
        cases.push({ rule: "null-required", pointer: field, value: change(field, { set: null }), refused: true, place: field });
      } else if (optional.includes(key) && !KEEP.includes(key)) {
        cases.push({ rule: "drop-optional", pointer: field, value: change(field, "remove"), refused: false });
        cases.push({ rule: "null-optional", pointer: field, value: change(field, { set: null }), refused: false });
      }
    }
    const value = template();
    (at(value, pointer) as Obj).unexpected_field = true;
    cases.push({ rule: "unknown-field", pointer, value, refused: true, place: `${pointer}/unexpected_field` });
  }
  for (const [pointer, old] of values(base)) {
    const set: Json =
      typeof old === "string" ? 7
      : typeof old === "number" ? "7"
      : typeof old === "boolean" ? "true"
      : Array.isArray(old) ? {}
      : isObject(old) ? []
      : "unexpected null";
    cases.push({ rule: "wrong-type", pointer, value: change(pointer, { set }), refused: true, place: pointer });
  }
  return cases;
}

// Whether an error points at a place: the value there, or its parent
// missing it or not knowing it.
function pointsAt(errors: ErrorObject[], place: string): boolean {
  const [parent, key] = parentAndKey(place);
  return errors.some(
    (e) =>
      e.instancePath === place ||
      (e.instancePath === parent && (e.params.missingProperty === key || e.params.additionalProperty === key)),
  );
}

// Whether an error names a field: by place, as a missing or unknown
// field, or (for a rule about the list, such as "contains") in the rule.
function names(errors: ErrorObject[], key: string): boolean {
  return errors.some(
    (e) =>
      segments(e.instancePath).includes(key) ||
      e.params.missingProperty === key ||
      e.params.additionalProperty === key ||
      (e.keyword === "contains" && JSON.stringify(e.schema).includes(`"${key}"`)),
  );
}

test("the schema compiles in Ajv's strict mode and describes every field", () => {
  expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  const defs = schema.$defs as Record<string, Obj>;
  for (const [kind, { required, optional }] of Object.entries(FIELDS)) {
    const def = DEFINITIONS[kind] === "" ? schema : defs[DEFINITIONS[kind]];
    expect(def.additionalProperties, kind).toBe(false);
    expect([...(def.required as string[])].sort(), kind).toEqual([...required].sort());
    expect(Object.keys(def.properties as Obj).sort(), kind).toEqual([...required, ...optional].sort());
    for (const [key, property] of Object.entries(def.properties as Record<string, Obj>)) {
      expect(typeof property.description, `${kind}.${key} has a description`).toBe("string");
    }
  }
});

test("valid fixtures, the shipped ladders and the template match the schema", () => {
  const files = fixtures("valid");
  expect(files.length).toBeGreaterThanOrEqual(6);
  for (const name of ["assets/ladders/l5.json", "assets/ladders/example-l3.json", "docs/ladder-template.json"]) {
    files.push([name, text(name)]);
  }
  for (const [name, content] of files) {
    const errors = check(JSON.parse(content));
    expect(errors, `${name}:\n${describe(errors)}`).toEqual([]);
  }
  expect(template().$schema).toBe("./ladder.schema.json");
});

test("invalid fixtures fail the schema, at the field their name gives", () => {
  const files = fixtures("invalid");
  expect(files.length).toBeGreaterThanOrEqual(14);
  for (const [name, content] of files) {
    const key = name.split("--")[0];
    expect(name, "named <key>--<what is wrong>.json").toContain("--");
    const errors = check(JSON.parse(content));
    expect(errors.length, `${name} should fail`).toBeGreaterThan(0);
    expect(names(errors, key), `${name} should point at "${key}":\n${describe(errors)}`).toBe(true);
  }
});

test("generated cases from the template are refused or accepted by the rules", () => {
  const cases = generated();
  const failures: string[] = [];
  for (const { rule, pointer, value, refused, place } of cases) {
    const errors = check(value);
    const name = `${rule} ${pointer}`;
    if (!refused && errors.length > 0) failures.push(`${name}: refused:\n${describe(errors)}`);
    if (refused && errors.length === 0) failures.push(`${name}: accepted`);
    if (refused && errors.length > 0 && place !== undefined && !pointsAt(errors, place)) {
      failures.push(`${name}: no error at ${place}:\n${describe(errors)}`);
    }
  }
  expect(failures, failures.join("\n")).toEqual([]);
  const counts: Record<string, number> = {};
  for (const rule of Object.keys(CASE_COUNTS)) counts[rule] = cases.filter((c) => c.rule === rule).length;
  expect(counts, "case counts changed: update CASE_COUNTS here and in tests/schema.rs").toEqual(CASE_COUNTS);
  expect(cases.length).toBe(Object.values(CASE_COUNTS).reduce((a, b) => a + b, 0));
});

function validatorOnly(): [string, Json][] {
  const edit = (f: (v: any) => void): Json => {
    const v = template();
    f(v);
    return v;
  };
  const base = template() as any;
  const firstSection = base.sections[0].id;
  const fraction = templateText.replace('"format": 1,', '"format": 1.0,');
  expect(fraction, 'the template has "format": 1,').not.toBe(templateText);
  return [
    ["duplicate-section-id", edit((v) => (v.sections[1].id = v.sections[0].id))],
    ["duplicate-statement-id", edit((v) => (v.statements[1].id = v.statements[0].id))],
    ["unknown-section", edit((v) => (v.statements[0].section = "no-such-section"))],
    [
      "section-without-statements",
      edit((v) => v.sections.push({ id: "extra", title: "Extra", summary: "Nothing asked here yet." })),
    ],
    [
      "section-without-quick",
      edit((v) => {
        for (const s of v.statements) if (s.section === firstSection) s.quick = false;
      }),
    ],
    ["step-values-not-increasing", edit((v) => (v.scale.steps[1].value = v.scale.steps[0].value))],
    ["step-labels-repeat", edit((v) => (v.scale.steps[1].label = v.scale.steps[0].label))],
    ["unsure-label-is-a-step-label", edit((v) => (v.scale.unsure.label = v.scale.steps[0].label))],
    ["not-my-role-label-is-unsure-label", edit((v) => (v.scale.not_my_role.label = v.scale.unsure.label))],
    ["focus-unknown-statement", edit((v) => (v.new_hire.focus[0] = "no.such-statement"))],
    ["replaces-current-statement", edit((v) => (v.statements[0].replaces = [v.statements[1].id]))],
    ["replaced-twice", edit((v) => (v.statements[1].replaces = v.statements[0].replaces))],
    ["format-with-fraction", JSON.parse(fraction)],
  ];
}

test("rules only the validator checks are not in the schema", () => {
  for (const [name, value] of validatorOnly()) {
    const errors = check(value);
    expect(errors, `${name}: the schema cannot see this rule:\n${describe(errors)}`).toEqual([]);
  }
});

test("the schema asks for ids and the kind without the spaces the validator trims", () => {
  const cases: [string, (v: any) => void][] = [
    ["id-with-spaces", (v) => (v.id = " my-ladder ")],
    ["kind-with-spaces", (v) => (v.statements[0].kind = "expectation ")],
    ["section-with-spaces", (v) => (v.statements[0].section = ` ${v.statements[0].section}`)],
    ["focus-with-spaces", (v) => (v.new_hire.focus[0] = `${v.new_hire.focus[0]} `)],
  ];
  for (const [name, edit] of cases) {
    const value = template();
    edit(value);
    expect(check(value).length, `${name} should fail the schema`).toBeGreaterThan(0);
  }
});
