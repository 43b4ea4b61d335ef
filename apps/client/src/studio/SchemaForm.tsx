import { useId, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parse, stringify, YAMLParseError } from 'yaml';
import {
  deref,
  emptyValue,
  isTextSchema,
  matchVariant,
  textLanguages,
  variantsOf,
  type Schema,
} from './schema';
import { countryName } from '../learning/reports/countries';
import { pathKey, type DataPath, type Edit } from './yamlDoc';

export interface FormContext {
  root: Schema;
  /** Languages the scenario promises (every text gets an input per language). */
  languages: readonly string[];
  /** Validation problems by path key (`phases[0].title`). */
  errors: ReadonlyMap<string, string[]>;
  edit: (edit: Edit) => void;
  readOnly: boolean;
}

/** Problems at this path or below it (for a badge on a collapsed item). */
export function errorsBelow(errors: ReadonlyMap<string, string[]>, key: string): number {
  let n = 0;
  for (const [path, list] of errors) {
    if (path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) n += list.length;
  }
  return n;
}

/** A field's problems; `path` (the problem's path key) lets the problem list find the field. */
function FieldErrors({
  id,
  messages,
  path,
}: {
  id: string;
  messages: string[] | undefined;
  path: string;
}) {
  if (!messages || messages.length === 0) return null;
  return (
    // The alert is a wrapper: on the list itself the role would hide the list from assistive tech.
    <div className="studio-field__errors" id={id} role="alert" data-error-path={path}>
      <ul>
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A property of the scenario file by its name in the page's language (the file keeps the English
 * key); a property the translation tables do not know yet reads as its key split into words.
 */
export const fieldLabel = (t: TFunction, name: string | number): string =>
  typeof name === 'number'
    ? `#${name + 1}`
    : t(`studio.fields.${name}`, {
        defaultValue: name
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .replace(/^./, (c) => c.toUpperCase()),
      });

/**
 * A property's label where it sits: the scenario's own `language` (the version of the scenario
 * language the file is written in, always 2) is no natural language, unlike an interview's.
 */
const propertyLabel = (t: TFunction, parent: DataPath, name: string | number): string =>
  parent.length === 0 && name === 'language'
    ? t('studio.fields.scenarioLanguageVersion')
    : fieldLabel(t, name);

/** A short name for a list item: its id, else its first text, else its position. */
export function itemName(value: unknown, index: number): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.id === 'string' && v.id !== '') return v.id;
    const first = Object.entries(v)[0];
    if (first) {
      const [k, x] = first;
      const text =
        typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? String(x) : '';
      return text ? `${k}: ${text}` : k;
    }
  }
  if (typeof value === 'string' && value !== '') return value;
  return `#${index + 1}`;
}

/** One value of the scenario, edited through the control its schema calls for. */
export function Field({
  ctx,
  schema,
  path,
  value,
  name,
  label: shownLabel,
  required,
}: {
  ctx: FormContext;
  schema: Schema;
  path: DataPath;
  value: unknown;
  /** The property's key in the file, or its position in a list. */
  name: string | number;
  /** Words shown instead of the property's name (an item of the scenario, by its id). */
  label?: string;
  required: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const s = deref(ctx.root, schema);
  const key = pathKey(path);
  const messages = ctx.errors.get(key);
  const errorId = `${id}-errors`;
  const describedBy = messages ? errorId : undefined;
  const label = shownLabel ?? propertyLabel(t, path.slice(0, -1), name);
  const remove =
    !required && value !== undefined && !ctx.readOnly ? (
      <button
        type="button"
        className="studio-link"
        onClick={() => ctx.edit({ op: 'delete', path })}
        aria-label={t('studio.form.removeField', { name: label })}
      >
        {t('studio.form.remove')}
      </button>
    ) : null;

  if (isTextSchema(ctx.root, s)) {
    const langs = ctx.languages.length > 0 ? ctx.languages : ['en'];
    const known = textLanguages(ctx.root, s);
    const record: Record<string, string> =
      typeof value === 'string'
        ? { en: value }
        : value && typeof value === 'object'
          ? (value as Record<string, string>)
          : {};
    return (
      <fieldset
        className="studio-field studio-field--text"
        aria-invalid={messages ? true : undefined}
      >
        <legend>
          {label} {remove}
        </legend>
        {langs
          .filter((l) => known.length === 0 || known.includes(l))
          .map((lang) => {
            const langMessages = ctx.errors.get(`${key}.${lang}`);
            return (
              <label key={lang} className="studio-field__lang">
                <span className="studio-field__langtag">{lang}</span>
                <textarea
                  rows={(record[lang] ?? '').length > 80 ? 3 : 1}
                  value={record[lang] ?? ''}
                  readOnly={ctx.readOnly}
                  aria-invalid={langMessages || messages ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => {
                    const next = { ...record, [lang]: e.target.value };
                    ctx.edit({ op: 'set', path, value: next });
                  }}
                />
                <FieldErrors id={`${id}-${lang}`} messages={langMessages} path={`${key}.${lang}`} />
              </label>
            );
          })}
        <FieldErrors id={errorId} messages={messages} path={key} />
      </fieldset>
    );
  }

  const variants = variantsOf(ctx.root, s);
  if (variants) {
    const index = matchVariant(variants, value);
    const variant = index >= 0 ? variants[index] : undefined;
    return (
      <fieldset
        className="studio-field studio-field--union"
        aria-invalid={messages ? true : undefined}
      >
        <legend>
          {label} {remove}
        </legend>
        <label className="studio-field__kind">
          <span>{t('studio.form.kind')}</span>
          <select
            value={index}
            disabled={ctx.readOnly}
            onChange={(e) => {
              const chosen = variants[Number(e.target.value)];
              if (chosen)
                ctx.edit({
                  op: 'set',
                  path,
                  value: emptyValue(ctx.root, chosen.schema, ctx.languages),
                });
            }}
          >
            {index < 0 ? <option value={-1}>{t('studio.form.chooseKind')}</option> : null}
            {variants.map((v, i) => (
              <option key={i} value={i}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        {variant ? (
          <ObjectFields
            ctx={ctx}
            schema={variant.schema}
            path={path}
            value={value}
            hide={Object.keys(variant.fixed)}
          />
        ) : value !== undefined ? (
          <YamlSnippet ctx={ctx} path={path} value={value} />
        ) : null}
        <FieldErrors id={errorId} messages={messages} path={key} />
      </fieldset>
    );
  }

  if (s.type === 'object') {
    return (
      <fieldset
        className="studio-field studio-field--object"
        aria-invalid={messages ? true : undefined}
      >
        <legend>
          {label} {remove}
        </legend>
        <ObjectFields ctx={ctx} schema={s} path={path} value={value} />
        <FieldErrors id={errorId} messages={messages} path={key} />
      </fieldset>
    );
  }

  if (s.type === 'array') {
    const items = deref(ctx.root, (s.items ?? {}) as Schema);
    const list = Array.isArray(value) ? value : [];
    const simple =
      !isTextSchema(ctx.root, items) &&
      !variantsOf(ctx.root, items) &&
      items.type !== 'object' &&
      items.type !== 'array';
    if (simple) {
      const choices = Array.isArray(items.enum) ? (items.enum as string[]) : null;
      if (choices) {
        return (
          <fieldset
            className="studio-field studio-field--choices"
            aria-invalid={messages ? true : undefined}
          >
            <legend>
              {label} {remove}
            </legend>
            {choices.map((choice) => (
              <label key={choice} className="studio-check">
                <input
                  type="checkbox"
                  checked={list.includes(choice)}
                  disabled={ctx.readOnly}
                  onChange={(e) => {
                    const next = e.target.checked
                      ? choices.filter((c) => c === choice || list.includes(c))
                      : list.filter((c) => c !== choice);
                    ctx.edit({ op: 'set', path, value: next });
                  }}
                />
                {choice}
              </label>
            ))}
            <FieldErrors id={errorId} messages={messages} path={key} />
          </fieldset>
        );
      }
      return (
        <div className="studio-field">
          <label className="studio-field__control">
            <span className="studio-field__label">
              {label} <span className="studio-hint">{t('studio.form.commaList')}</span> {remove}
            </span>
            <CommaInput
              value={list.map(String)}
              numeric={items.type === 'integer' || items.type === 'number'}
              readOnly={ctx.readOnly}
              invalid={messages !== undefined}
              describedBy={describedBy}
              onChange={(next) => ctx.edit({ op: 'set', path, value: next })}
            />
          </label>
          <FieldErrors id={errorId} messages={messages} path={key} />
        </div>
      );
    }
    return (
      <ListField
        ctx={ctx}
        schema={items}
        path={path}
        list={list}
        label={label}
        messages={messages}
        remove={remove}
      />
    );
  }

  if (Array.isArray(s.enum) || 'const' in s) {
    const choices = (Array.isArray(s.enum) ? s.enum : [s.const]) as (string | number | boolean)[];
    // The scenario's country reads by its name in the reader's language; the file keeps the ISO code.
    const isCountry = path.length === 1 && path[0] === 'country';
    return (
      <div className="studio-field">
        <label className="studio-field__control">
          <span className="studio-field__label">
            {label} {remove}
          </span>
          <select
            value={value === undefined ? '' : String(value)}
            disabled={ctx.readOnly}
            aria-invalid={messages ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const chosen = choices.find((c) => String(c) === e.target.value);
              if (chosen === undefined) ctx.edit({ op: 'delete', path });
              else ctx.edit({ op: 'set', path, value: chosen });
            }}
          >
            {required && value !== undefined ? null : <option value="">—</option>}
            {choices.map((c) => (
              <option key={String(c)} value={String(c)}>
                {isCountry ? `${countryName(String(c), i18n.language)} (${String(c)})` : String(c)}
              </option>
            ))}
          </select>
        </label>
        <FieldErrors id={errorId} messages={messages} path={key} />
      </div>
    );
  }

  if (s.type === 'boolean') {
    return (
      <div className="studio-field">
        <label className="studio-check">
          <input
            type="checkbox"
            checked={value === true}
            disabled={ctx.readOnly}
            aria-describedby={describedBy}
            onChange={(e) => ctx.edit({ op: 'set', path, value: e.target.checked })}
          />
          {label}
        </label>{' '}
        {remove}
        <FieldErrors id={errorId} messages={messages} path={key} />
      </div>
    );
  }

  if (s.type === 'integer' || s.type === 'number') {
    return (
      <div className="studio-field">
        <label className="studio-field__control">
          <span className="studio-field__label">
            {label} {remove}
          </span>
          <input
            type="number"
            inputMode="numeric"
            value={typeof value === 'number' ? value : ''}
            readOnly={ctx.readOnly}
            aria-invalid={messages ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const n = e.target.valueAsNumber;
              if (e.target.value === '') ctx.edit({ op: 'delete', path });
              else if (Number.isFinite(n)) ctx.edit({ op: 'set', path, value: n });
            }}
          />
        </label>
        <FieldErrors id={errorId} messages={messages} path={key} />
      </div>
    );
  }

  if (s.type === 'string') {
    return (
      <div className="studio-field">
        <label className="studio-field__control">
          <span className="studio-field__label">
            {label} {remove}
          </span>
          <input
            type="text"
            value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
            readOnly={ctx.readOnly}
            aria-invalid={messages ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => ctx.edit({ op: 'set', path, value: e.target.value })}
          />
        </label>
        <FieldErrors id={errorId} messages={messages} path={key} />
      </div>
    );
  }

  // Anything the forms do not model (a free value): edited as a small piece of YAML.
  return (
    <div className="studio-field">
      <span className="studio-field__label">
        {label} {remove}
      </span>
      <YamlSnippet ctx={ctx} path={path} value={value} />
      <FieldErrors id={errorId} messages={messages} path={key} />
    </div>
  );
}

function CommaInput({
  value,
  numeric,
  readOnly,
  invalid,
  describedBy,
  onChange,
}: {
  value: string[];
  numeric: boolean;
  readOnly: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (next: (string | number)[]) => void;
}) {
  const joined = value.join(', ');
  const [draft, setDraft] = useState(joined);
  const [last, setLast] = useState(joined);
  if (joined !== last) {
    setLast(joined);
    setDraft(joined);
  }
  const commit = () => {
    const parts = draft
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    onChange(numeric ? parts.map(Number).filter(Number.isFinite) : parts);
  };
  return (
    <input
      type="text"
      value={draft}
      readOnly={readOnly}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** A value the forms do not model, as YAML text applied on blur. */
function YamlSnippet({ ctx, path, value }: { ctx: FormContext; path: DataPath; value: unknown }) {
  const { t } = useTranslation();
  const text = stringify(value ?? null).trimEnd();
  const [draft, setDraft] = useState(text);
  const [last, setLast] = useState(text);
  // Said in the page's language (the parser's own words are English), with the line when known.
  const [problem, setProblem] = useState<{ line: number | null } | null>(null);
  if (text !== last) {
    setLast(text);
    setDraft(text);
  }
  return (
    <>
      <textarea
        className="studio-snippet"
        rows={Math.min(8, draft.split('\n').length + 1)}
        value={draft}
        readOnly={ctx.readOnly}
        aria-label={t('studio.form.yamlSnippet')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          try {
            ctx.edit({ op: 'set', path, value: parse(draft) as unknown });
            setProblem(null);
          } catch (error) {
            const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? null) : null;
            setProblem({ line });
          }
        }}
      />
      {problem ? (
        <p className="studio-field__errors" role="alert">
          {problem.line !== null
            ? t('studio.form.snippetInvalidAt', { line: problem.line })
            : t('studio.form.snippetInvalid')}
        </p>
      ) : null}
    </>
  );
}

/** The fields of an object: required ones always, optional ones when set (others can be added). */
export function ObjectFields({
  ctx,
  schema,
  path,
  value,
  hide = [],
}: {
  ctx: FormContext;
  schema: Schema;
  path: DataPath;
  value: unknown;
  hide?: readonly string[];
}) {
  const { t } = useTranslation();
  const s = deref(ctx.root, schema);
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const record =
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const shown = Object.keys(props).filter(
    (k) => !hide.includes(k) && (required.has(k) || k in record),
  );
  const addable = Object.keys(props).filter((k) => !hide.includes(k) && !shown.includes(k));
  return (
    <div className="studio-object">
      {shown.map((k) => (
        <Field
          key={k}
          ctx={ctx}
          schema={props[k] ?? {}}
          path={[...path, k]}
          value={record[k]}
          name={k}
          required={required.has(k)}
        />
      ))}
      {addable.length > 0 && !ctx.readOnly ? (
        <label className="studio-add">
          <span>{t('studio.form.addField')}</span>
          <select
            value=""
            onChange={(e) => {
              const k = e.target.value;
              if (k)
                ctx.edit({
                  op: 'set',
                  path: [...path, k],
                  value: emptyValue(ctx.root, props[k] ?? {}, ctx.languages),
                });
            }}
          >
            <option value="">—</option>
            {addable.map((k) => (
              <option key={k} value={k}>
                {propertyLabel(t, path, k)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

/**
 * The words of a list's add button: worded for its items ("Add an objective"), else, for a list
 * the tables do not know, "Add to <list>".
 */
export function addWords(t: TFunction, name: string | number | undefined, label: string): string {
  const generic = t('studio.form.addItem', { name: label });
  if (typeof name !== 'string') return generic;
  // The list's property name comes from the schema, so it is not one of the typed keys.
  const translate = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(`studio.form.add.${name}`, { defaultValue: generic });
}

/** A list of structured items (decisions, options, effects...), each in a collapsible block. */
function ListField({
  ctx,
  schema,
  path,
  list,
  label,
  messages,
  remove,
}: {
  ctx: FormContext;
  schema: Schema;
  path: DataPath;
  list: unknown[];
  label: string;
  messages: string[] | undefined;
  remove: ReactNode;
}) {
  const { t } = useTranslation();
  const key = pathKey(path);
  return (
    <fieldset
      className="studio-field studio-field--list"
      aria-invalid={messages ? true : undefined}
    >
      <legend>
        {label} ({list.length}) {remove}
      </legend>
      {list.map((item, i) => {
        const itemKey = `${key}[${i}]`;
        const problems = errorsBelow(ctx.errors, itemKey);
        return (
          <details key={i} className="studio-item" open={list.length <= 3 || problems > 0}>
            <summary>
              <span>{itemName(item, i)}</span>
              {problems > 0 ? (
                <span className="studio-badge studio-badge--error">
                  {t('studio.form.problems', { count: problems })}
                </span>
              ) : null}
            </summary>
            <Field ctx={ctx} schema={schema} path={[...path, i]} value={item} name={i} required />
            {!ctx.readOnly ? (
              <div className="studio-item__tools">
                <button
                  type="button"
                  className="studio-link"
                  disabled={i === 0}
                  onClick={() => ctx.edit({ op: 'move', path, from: i, to: i - 1 })}
                >
                  {t('studio.form.up')}
                </button>
                <button
                  type="button"
                  className="studio-link"
                  disabled={i === list.length - 1}
                  onClick={() => ctx.edit({ op: 'move', path, from: i, to: i + 1 })}
                >
                  {t('studio.form.down')}
                </button>
                <button
                  type="button"
                  className="studio-link studio-link--danger"
                  onClick={() => ctx.edit({ op: 'delete', path: [...path, i] })}
                >
                  {t('studio.form.removeItem', { name: itemName(item, i) })}
                </button>
              </div>
            ) : null}
          </details>
        );
      })}
      {!ctx.readOnly ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            ctx.edit({ op: 'append', path, value: emptyValue(ctx.root, schema, ctx.languages) })
          }
        >
          {addWords(t, path.at(-1), label)}
        </button>
      ) : null}
      <FieldErrors id={`${key}-errors`} messages={messages} path={key} />
    </fieldset>
  );
}
