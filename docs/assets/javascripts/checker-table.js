// Looks the checker's next step up in the table the build wrote into the page
// (checker/table.py says its shape), for answers given before Python has started, or where
// it cannot start. Every step, message and letter in it is Python's; this only follows the
// answers through it and fills in the path and the dates walked. It gives null for anything
// the table does not hold: then only Python can answer.
// tests/test_step_table.py proves it gives what Python gives, on the host and in Pyodide.
((scope) => {
  "use strict";
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const ISO_WEEK = /^\d{4}-W\d{2}-\d$/;  // also a date to Python, left to it
  const PLAIN = /^[ -&(-[\]-~]*$/;  // printable ASCII but ' and \: Python quotes it as it is
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  function isCalendarDate(value) {
    const [year, month, day] = value.split("-").map(Number);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return year >= 1 && days !== undefined && day >= 1 && day <= days;
  }

  // The message for a date that fails one of Python's checks, "" if it passes them all, or
  // undefined when the table cannot tell (only Python can).
  function dateProblem(table, value, today) {
    const failing = {
      calendar: () => !ISO_DATE.test(value) || !isCalendarDate(value),
      future: () => value > today,
      earliest: () => value < table.earliest,
    };
    if (ISO_WEEK.test(value) || !PLAIN.test(value)) return undefined;
    const failed = table.date_checks.find(({ check }) => failing[check]());
    return failed ? failed.message.replaceAll("{value}", value) : "";
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
