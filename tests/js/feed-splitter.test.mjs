// The feed's streaming reader (pkg/feed.js): however a snapshot's text is
// cut into chunks, and whatever its strings hold (quotes, braces, escapes,
// emoji), it yields exactly the top-level members and the items that
// JSON.parse sees. Property-tested with fast-check.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { SnapshotSplitter } from "../../pkg/feed.js";

const tricky = fc.oneof(fc.string(), fc.constantFrom('"', "\\", "{", "}", "[", "]", ",", ":", "\\u0000", "😀", '\\"}],'), fc.string({ unit: "binary", maxLength: 8 }));
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(tricky, tie("value"), { maxKeys: 3 })),
})).value;
const snapshot = fc.record({
  store: fc.dictionary(tricky.filter((k) => k !== "items"), value, { maxKeys: 4 }),
  items: fc.array(value, { maxLength: 12 }),
  indent: fc.constantFrom(undefined, 1, "\t"),
  at: fc.nat({ max: 4 }),
});

function splitInto(text, cuts) {
  const members = [];
  const items = [];
  const splitter = new SnapshotSplitter({ onMember: (key, raw) => members.push([key, JSON.parse(raw)]), onItem: (raw) => items.push(JSON.parse(raw)) });
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
    splitter.write(text.slice(from, cut));
    from = cut;
  }
  splitter.write(text.slice(from));
  splitter.end();
  return { members, items };
}

test("any chunking of any snapshot text gives JSON.parse's members and items", () => {
  fc.assert(
    fc.property(snapshot, fc.array(fc.nat(), { maxLength: 20 }), ({ store, items, indent, at }, cuts) => {
      // `items` anywhere among the members.
      const entries = Object.entries(store);
      entries.splice(Math.min(at, entries.length), 0, ["items", items]);
      const document = Object.fromEntries(entries);
      const text = JSON.stringify(document, null, indent);
      const parsed = JSON.parse(text);
      const got = splitInto(text, cuts);
      assert.deepEqual(got.items, parsed.items);
      assert.deepEqual(got.members, Object.entries(parsed).filter(([k]) => k !== "items"));
    }),
    { numRuns: 400 },
  );
});

test("text that is not one object, or ends early, is refused", () => {
  assert.throws(() => splitInto("[1, 2]", []), /one JSON object/);
  assert.throws(() => splitInto('{"items": [{"sku": "A"}', [5]), /ends early/);
  assert.throws(() => splitInto('{"items": ["open', [3]), /ends early/);
});
