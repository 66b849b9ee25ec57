// @ts-check
/**
 * Does `sql` hold more than one statement? Semicolons inside string literals,
 * quoted identifiers, comments and PostgreSQL dollar-quoted bodies do not count.
 * @param {string} sql
 * @returns {boolean}
 */
export function isMultiStatement(sql) {
  let statements = 0;
  let pending = false; // non-blank, non-comment text since the last `;`
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      pending = true;
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) j += 2; // doubled quote
        else if (sql[j] === c) break;
        else j++;
      }
      i = j + 1;
    } else if (c === "$" && /^\$[A-Za-z_]*\$/.test(sql.slice(i, i + 64))) {
      pending = true;
      const tag = /** @type {RegExpMatchArray} */ (sql.slice(i).match(/^\$[A-Za-z_]*\$/))[0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end === -1 ? sql.length : end + tag.length;
    } else if (c === ";") {
      if (pending) statements++;
      pending = false;
      i++;
    } else {
      if (!/\s/.test(c ?? "")) pending = true;
      i++;
    }
  }
  if (pending) statements++;
  return statements > 1;
}
