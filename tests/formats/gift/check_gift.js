// Reads a GIFT file with gift-pegjs, a GIFT parser that shares no code with
// Ankang, and compares what it finds with the questions Ankang wrote (the same
// bank exported as Ankang JSON): count, order, type, stem and correct answers.
// Usage: node check_gift.js BANK.gift BANK.json
"use strict";
const fs = require("fs");
let gift;
try {
  gift = require("gift-pegjs");
} catch (e) {
  console.error("gift-pegjs is not installed (NODE_PATH=" + (process.env.NODE_PATH || "") + "): run scripts/install-deps.sh");
  process.exit(2);
}

const [giftPath, jsonPath] = process.argv.slice(2);
const text = fs.readFileSync(giftPath, "utf8");
let parsed;
try {
  parsed = gift.parse(text);
} catch (e) {
  const at = e.location ? e.location.start : { line: 0, column: 0 };
  console.error(`${giftPath}:${at.line}:${at.column}: gift-pegjs cannot read it: ${e.message}`);
  process.exit(1);
}
const questions = parsed.filter((q) => q.type !== "Category");
const expected = JSON.parse(fs.readFileSync(jsonPath, "utf8")).questions;

function giftType(q) {
  switch (q.type) {
    case "single":
    case "multiple":
      return "MC";
    case "true_false":
      return "TF";
    case "fill_blank":
      return q.answer && !Array.isArray(q.answer) ? "Numerical" : "Short";
    case "matching":
      return "Matching";
    default:
      return "none";
  }
}

const letters = (answer) => [...answer].map((c) => c.charCodeAt(0) - 65);
const problems = [];
if (questions.length !== expected.length)
  problems.push(`gift-pegjs read ${questions.length} questions, Ankang wrote ${expected.length}`);
for (let i = 0; i < Math.min(questions.length, expected.length); i++) {
  const got = questions[i], want = expected[i];
  const where = `question ${i + 1} (${want.id})`;
  if (got.type !== giftType(want)) {
    problems.push(`${where}: type ${got.type}, expected ${giftType(want)} for ${want.type}`);
    continue;
  }
  if (got.stem.text !== want.stem) problems.push(`${where}: stem ${JSON.stringify(got.stem.text)}, expected ${JSON.stringify(want.stem)}`);
  let correct;
  switch (got.type) {
    case "MC": {
      const right = got.choices.map((c, n) => (c.isCorrect || c.weight > 0 ? n : -1)).filter((n) => n >= 0);
      correct = JSON.stringify(right) === JSON.stringify(letters(want.answer));
      if (got.choices.map((c) => c.text.text).join("\n") !== want.options.join("\n")) problems.push(`${where}: options differ`);
      break;
    }
    case "TF":
      correct = got.isTrue === want.answer;
      break;
    case "Numerical":
      correct = got.choices.number === want.answer.value && got.choices.range === want.answer.tolerance;
      break;
    case "Short":
      correct = got.choices.map((c) => c.text.text).join("\n") === want.answer[0].join("\n");
      break;
    case "Matching":
      correct = JSON.stringify(got.matchPairs.map((p) => [p.subquestion.text, p.subanswer])) === JSON.stringify(want.pairs);
      break;
  }
  if (!correct) problems.push(`${where}: the correct answer differs from Ankang's: ${JSON.stringify(got.choices || got.matchPairs)}`);
}
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
const counts = {};
for (const q of questions) counts[q.type] = (counts[q.type] || 0) + 1;
console.log(`gift-pegjs read ${questions.length} questions as Ankang wrote them: ${JSON.stringify(counts)}`);
