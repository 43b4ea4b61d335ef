// Translators' helper for scenario files (YAML). Lists the texts that lack a language, and inserts
// translations beside the English without touching anything else in the file (no re-formatting,
// comments kept).
//
//   node scripts/scenario-texts.mjs missing <file.yaml> <lang>          texts without <lang>: line, path, English
//   node scripts/scenario-texts.mjs export <file.yaml> <lang> > todo.json   the same as {"<English>": ""}
//   node scripts/scenario-texts.mjs apply <file.yaml> <lang> <done.json>    insert "<lang>:" after each text's last language
//
// Translations are keyed by the English text, so a file restructured since the export still takes them.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

const LANGUAGES = ['en', 'sr-Latn', 'mk', 'sq', 'bs'];
const WIDTH = 110;

/** Every text of the document: a map whose keys are languages and that has English. */
function texts(doc) {
  const out = [];
  const walk = (node, path) => {
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (!isMap(node)) return;
    const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
    if (keys.includes('en') && keys.every((k) => LANGUAGES.includes(k))) {
      out.push({ path, node, keys });
      return;
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      walk(pair.value, path ? `${path}.${key}` : key);
    }
  };
  walk(doc.contents, '');
  return out;
}

function load(file) {
  const source = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
  return { source, doc, lineCounter };
}

const english = (text) => String(text.node.get('en'));

/** A YAML scalar for `value` at `indent` spaces: quoted when short, folded (>-) when long. */
function scalar(value, indent) {
  const oneLine = value.replace(/\s*\n\s*/g, ' ').trim();
  if (oneLine.length + indent + 6 <= WIDTH) return `'${oneLine.replace(/'/g, "''")}'`;
  const pad = ' '.repeat(indent + 2);
  const lines = [];
  let line = '';
  for (const word of oneLine.split(' ')) {
    if (line && pad.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `>-\n${lines.map((l) => pad + l).join('\n')}`;
}

function missing(file, lang) {
  const { doc, lineCounter } = load(file);
  return texts(doc)
    .filter((t) => !t.keys.includes(lang))
    .map((t) => ({
      line: lineCounter.linePos(t.node.range[0]).line,
      path: t.path,
      en: english(t),
    }));
}

function apply(file, lang, translations) {
  const { source, doc } = load(file);
  const inserts = [];
  const untranslated = [];
  for (const text of texts(doc)) {
    if (text.keys.includes(lang)) continue;
    const value = translations[english(text)];
    if (typeof value !== 'string' || value.trim() === '') {
      untranslated.push(text.path);
      continue;
    }
    // Insert on the line after the text's last entry, at the indentation of its keys.
    const first = text.node.items[0];
    const keyStart = first.key.range[0];
    const indent = keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1);
    const last = text.node.items[text.node.items.length - 1];
    let at = last.value.range[1];
    if (source[at - 1] !== '\n') {
      const eol = source.indexOf('\n', at);
      at = eol === -1 ? source.length : eol + 1;
    }
    inserts.push({ at, text: `${' '.repeat(indent)}${lang}: ${scalar(value, indent)}\n` });
  }
  let out = source;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) {
    out = out.slice(0, at) + text + out.slice(at);
  }
  writeFileSync(file, out);
  return { inserted: inserts.length, untranslated };
}

const [command, file, lang, translationsFile] = process.argv.slice(2);
if (
  !file ||
  !lang ||
  !LANGUAGES.includes(lang) ||
  !['missing', 'export', 'apply'].includes(command)
) {
  console.error(
    'usage: node scripts/scenario-texts.mjs missing|export|apply <file.yaml> <lang> [done.json]',
  );
  process.exit(2);
}
if (command === 'missing') {
  const list = missing(file, lang);
  for (const m of list)
    console.log(`${file}:${m.line}  ${m.path}\n    ${m.en.replace(/\s+/g, ' ')}`);
  console.log(`${list.length} texts without ${lang}`);
} else if (command === 'export') {
  console.log(
    JSON.stringify(Object.fromEntries(missing(file, lang).map((m) => [m.en, ''])), null, 2),
  );
} else {
  const translations = JSON.parse(readFileSync(translationsFile, 'utf8'));
  const { inserted, untranslated } = apply(file, lang, translations);
  console.log(
    `${file}: inserted ${inserted} ${lang} texts; ${untranslated.length} still without ${lang}`,
  );
  for (const path of untranslated.slice(0, 20)) console.log(`  ${path}`);
}
