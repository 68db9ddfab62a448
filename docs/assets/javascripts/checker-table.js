// Looks the checker's next step up in the table the build wrote into the page
// (checker/table.py says its shape), for answers given before Python has started, or where
// it cannot start. Every step, message and letter in it is Python's; this only follows the
// answers through it and fills in the path and the dates walked. It gives null for anything
// the table does not hold: then only Python can answer.
// tests/test_step_table.py proves it gives what Python gives, on the host and in Pyodide.
((scope) => {
  "use strict";
  const PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;
  const PLAIN = /^[ -&(-[\]-~]*$/;  // printable ASCII but ' and \: Python quotes it as it is
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  function isCalendarDate(year, month, day) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return year >= 1 && days !== undefined && day >= 1 && day <= days;
  }

  function say(template, values) {
    return Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`$${name}`, value), template);
  }

  // The message Python gives for a date it refuses (checker.engine.parse_date, whose checks
  // this follows in its order), "" for a date it takes, or undefined when the table cannot
  // tell (only Python can).
  function dateProblem(table, value, today) {
    const messages = table.date_messages;
    const parts = PARTS.exec(value);
    if (!parts) {
      if (!PLAIN.test(value)) return undefined;
      const shown = `'${value}'`;
      return say(messages.not_a_date, { shown: shown.length <= 40 ? shown : `${shown.slice(0, 40)}…` });
    }
    const [year, month, day] = parts.slice(1).map(Number);
    const written = month >= 1 && month <= 12 && year >= 1 ? `${day} ${table.months[month - 1]} ${year}` : value;
    if (!isCalendarDate(year, month, day)) return say(messages.not_real, { written });
    if (value > today) return say(messages.future, { written });
    if (value < table.earliest) return say(messages.too_early, { written, earliest: table.earliest_words });
    return "";
  }

  function longDate(table, value) {
    const [year, month, day] = value.split("-").map(Number);
    return `${day} ${table.months[month - 1]} ${year}`;
  }

  // {step, letter}: the step Python would give for these answers (checker.web.step), and the
  // outcome's letter drafted with no details (null if it has none); or null.
  function lookup(table, answers, today) {
    let node = table.nodes[table.root];
    const path = [];
    const dates = {};
    for (;;) {
      const step = table.steps[node[0]];
      if (step.status !== "question" || !has(answers, step.question)) {
        const shown = { ...JSON.parse(JSON.stringify(step)), path };
        if ("dates" in step) shown.dates = dates;
        const letter = step.status === "outcome" && node[1] !== null
          ? table.letters[node[1]].replaceAll(table.date_token, Object.values(dates)[0]) : null;
        return { step: shown, letter };
      }
      const fact = step.question;
      const value = answers[fact];
      let next;
      if (step.kind === "date") {
        if (typeof value !== "string") return null;
        const problem = dateProblem(table, value, today);
        if (problem === undefined) return null;
        if (problem) return { step: { status: "error", fact, message: problem }, letter: null };
        next = node[1][table.bounds.filter((bound) => bound <= value).length];
        dates[fact] = longDate(table, value);
      } else if (typeof value === "string" && has(node[1], value)) {
        next = node[1][value];
      }
      if (next === undefined) return null;
      path.push(fact);
      node = table.nodes[next];
    }
  }

  scope.checkerTable = { lookup };
})(globalThis);
