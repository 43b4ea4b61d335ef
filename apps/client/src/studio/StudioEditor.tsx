import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { StudioScenario, StudioValidation } from '@crossroads/shared';
import { studioApi, type JsonSchema } from '../lib/studioApi';
import { CheckPanel, type OptionRef } from './CheckPanel';
import { DryRunPanel } from './DryRunPanel';
import { PhaseMap } from './PhaseMap';
import { problemWords } from './problemWords';
import { deref, type Schema } from './schema';
import {
  addWords,
  errorsBelow,
  Field,
  itemName,
  ObjectFields,
  type FormContext,
} from './SchemaForm';
import { SourceEditor } from './SourceEditor';
import { VersionsPanel } from './VersionsPanel';
import { applyEdit, getAt, parseSource, type Edit } from './yamlDoc';

const TABS = ['edit', 'map', 'check', 'dryRun', 'versions'] as const;
type Tab = (typeof TABS)[number];
/** Validation runs this long after the last keystroke. */
const VALIDATE_DELAY_MS = 350;
/** The draft is saved this long after the last change. */
const SAVE_DELAY_MS = 1500;

/** Root properties that are lists of things with ids get their own section; the rest is "Scenario". */
function sectionsOf(root: Schema): { lists: string[]; header: string[] } {
  const props = (root.properties ?? {}) as Record<string, Schema>;
  const lists: string[] = [];
  const header: string[] = [];
  for (const [key, prop] of Object.entries(props)) {
    const s = deref(root, prop);
    const items = s.type === 'array' ? deref(root, (s.items ?? {}) as Schema) : null;
    const props2 = (items?.properties ?? {}) as Record<string, unknown>;
    if (items?.type === 'object' && 'id' in props2) lists.push(key);
    else header.push(key);
  }
  return { lists, header };
}

function optionsOf(data: unknown): OptionRef[] {
  const phases = (getAt(data, ['phases']) ?? []) as {
    decisions?: { id?: string; options?: { id?: string }[] }[];
  }[];
  const out: OptionRef[] = [];
  if (!Array.isArray(phases)) return out;
  for (const phase of phases)
    for (const d of phase.decisions ?? [])
      for (const o of d.options ?? [])
        if (typeof d.id === 'string' && typeof o.id === 'string')
          out.push({ decision: d.id, option: o.id });
  return out;
}

/** At most this many problems are listed under the status line; the rest are counted. */
const PROBLEMS_LISTED = 20;

/**
 * Where the form shows the error at `path` (`phases[0].decisions[1].title`, `version`, `''`): the
 * section (a root list, else the header) and the item of that list; null for a problem of the
 * whole file, which has no field.
 */
export function problemTarget(
  path: string,
  lists: readonly string[],
): { section: string; item: number } | null {
  if (path === '') return null;
  const match = /^([^.[]+)(?:\[(\d+)\])?/.exec(path);
  const key = match?.[1] ?? '';
  if (lists.includes(key)) return { section: key, item: Number(match?.[2] ?? 0) };
  return { section: 'header', item: 0 };
}

/** The studio's editor: forms and source in sync, live validation, map, check, dry-run, versions. */
export function StudioEditor({
  token,
  initial,
  schema,
  reload,
}: {
  token: string;
  initial: StudioScenario;
  schema: JsonSchema;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [tab, setTab] = useState<Tab>('edit');
  const [source, setSource] = useState(initial.source);
  const [saved, setSaved] = useState(initial.source);
  const [checked, setChecked] = useState<StudioValidation>(initial.validation);
  // The checker's problems in the page's language, wherever they are shown (list, fields, source).
  const validation = useMemo(
    () => ({
      ...checked,
      errors: checked.errors.map((e) => ({ ...e, message: problemWords(t, language, e) })),
      warnings: checked.warnings.map((e) => ({ ...e, message: problemWords(t, language, e) })),
    }),
    [checked, t, language],
  );
  const [roundTrip, setRoundTrip] = useState<number | null>(null);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [section, setSection] = useState<string>('header');
  const [item, setItem] = useState(0);
  const validated = useRef(initial.source);
  /** A line of the source to put the cursor on (a problem of the whole file was chosen). */
  const [focusLine, setFocusLine] = useState<{ line: number } | null>(null);
  const goToLine = (line: number) => {
    flushSync(() => setTab('edit'));
    setFocusLine({ line });
  };

  const parsed = useMemo(() => parseSource(source), [source]);
  const data = parsed.data;
  const { lists, header } = useMemo(() => sectionsOf(schema), [schema]);

  // Live validation on the server (worker thread), shortly after typing stops.
  useEffect(() => {
    if (source === validated.current) return;
    const timer = setTimeout(() => {
      const started = performance.now();
      studioApi()
        .validate(token, source)
        .then(
          (result) => {
            validated.current = source;
            setChecked(result);
            setRoundTrip(Math.round(performance.now() - started));
          },
          () => setRoundTrip(null),
        );
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [source, token]);

  const save = useCallback(async () => {
    const text = source;
    setSaveState('saving');
    try {
      const result = await studioApi().save(token, initial.id, text);
      setSaved(text);
      validated.current = text;
      setChecked(result.validation);
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  }, [source, token, initial.id]);

  useEffect(() => {
    if (source === saved) return;
    const timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [source, saved, save]);

  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of validation.errors) map.set(e.path, [...(map.get(e.path) ?? []), e.message]);
    return map;
  }, [validation]);

  const languages = Array.isArray(getAt(data, ['languages']))
    ? (getAt(data, ['languages']) as string[])
    : ['en'];
  const ctx: FormContext = {
    root: schema,
    languages,
    errors,
    edit: (edit: Edit) => setSource((current) => applyEdit(current, edit)),
    readOnly: parsed.syntaxError !== null,
  };

  const open = (kind: 'phase' | 'ending', id: string) => {
    const key = kind === 'phase' ? 'phases' : 'endings';
    const list = getAt(data, [key]);
    const index = Array.isArray(list) ? list.findIndex((x: { id?: unknown }) => x?.id === id) : -1;
    setSection(key);
    setItem(Math.max(0, index));
    setTab('edit');
  };

  // A listed problem opens its section and item, then (once React has drawn them: flushSync)
  // focuses the control its message describes, else shows the message, else the form.
  const goToProblem = (path: string) => {
    const target = problemTarget(path, lists);
    if (!target) return;
    flushSync(() => {
      setSection(target.section);
      setItem(target.item);
      setTab('edit');
    });
    const form = document.querySelector<HTMLElement>('.studio-form');
    if (!form) return;
    const message = [...form.querySelectorAll<HTMLElement>('[data-error-path]')].find(
      (el) => el.dataset.errorPath === path,
    );
    const control =
      [...form.querySelectorAll<HTMLElement>('[aria-describedby]')].find(
        (el) => message && el.getAttribute('aria-describedby')?.split(' ').includes(message.id),
      ) ??
      message
        ?.closest('label, .studio-field')
        ?.querySelector<HTMLElement>('input, textarea, select') ??
      null;
    if (control) control.focus();
    else (message ?? form).scrollIntoView({ block: 'center' });
  };

  const rootProps = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const sectionList = Array.isArray(getAt(data, [section]))
    ? (getAt(data, [section]) as unknown[])
    : [];
  const headerSchema: Schema = {
    type: 'object',
    properties: Object.fromEntries(header.map((k) => [k, rootProps[k] ?? {}])),
    required: header.filter((k) => required.has(k)),
  };
  const shownSaveState = saveState === 'saved' && source !== saved ? 'unsaved' : saveState;
  const generalErrors = validation.errors.filter((e) => e.path === '');
  // In file order, as the author reads the source.
  const fieldErrors = validation.errors
    .filter((e) => e.path !== '')
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  // Warnings do not stop the draft (it loads and plays), but only the source view marked them,
  // on lines an author may never scroll to: they are counted in the status and listed, in file order.
  const warnings = [...validation.warnings].sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity),
  );

  return (
    <div className="studio-editor">
      <div className="studio-status" role="status" aria-live="polite">
        <span className={validation.ok ? 'studio-ok' : 'studio-bad'}>
          {validation.ok
            ? t('studio.status.valid')
            : t('studio.status.invalid', { count: validation.errors.length })}
        </span>
        {warnings.length > 0 ? (
          <span className="studio-warning-count">
            {t('studio.warnings.count', { count: warnings.length })}
          </span>
        ) : null}
        {roundTrip !== null ? (
          <span className="studio-hint">
            {t('studio.status.checked', { ms: roundTrip, worker: Math.round(validation.ms) })}
          </span>
        ) : null}
        <span className="studio-hint" data-save-state={shownSaveState}>
          {t(`studio.status.${shownSaveState}`)}
        </span>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void save()}
          disabled={source === saved}
        >
          {t('studio.status.save')}
        </button>
      </div>
      {/* The validator's words (below) say what is wrong and how to fix it; this line says
          only where, in the page's language, without the YAML parser's English. */}
      {parsed.syntaxError ? (
        <p className="fac-error" role="alert">
          {parsed.syntaxLine !== null
            ? t('studio.status.syntaxAt', { line: parsed.syntaxLine })
            : t('studio.status.syntaxNoLine')}
        </p>
      ) : null}
      {generalErrors.map((e, i) => (
        <p key={i} className="fac-error" role="alert" data-problem-line={e.line}>
          {e.line ? (
            <button type="button" className="studio-link" onClick={() => goToLine(e.line ?? 1)}>
              {t('studio.status.line', { line: e.line })}
            </button>
          ) : null}{' '}
          {e.message}
        </p>
      ))}
      {fieldErrors.length > 0 ? (
        <section className="studio-problems" aria-labelledby="studio-problems-title">
          <h2 id="studio-problems-title" className="studio-problems__title">
            {t('studio.problems.title')}
          </h2>
          <ol className="studio-problems__list">
            {fieldErrors.slice(0, PROBLEMS_LISTED).map((e, i) => (
              <li key={i} data-problem-path={e.path}>
                <button type="button" className="studio-link" onClick={() => goToProblem(e.path)}>
                  {e.line ? `${t('studio.status.line', { line: e.line })} ` : ''}
                  {e.message}
                </button>{' '}
                <code className="studio-hint">{e.path}</code>
              </li>
            ))}
          </ol>
          {fieldErrors.length > PROBLEMS_LISTED ? (
            <p className="studio-hint">
              {t('studio.problems.more', { count: fieldErrors.length - PROBLEMS_LISTED })}
            </p>
          ) : null}
        </section>
      ) : null}

      {warnings.length > 0 ? (
        <details
          className="studio-problems studio-warnings"
          aria-labelledby="studio-warnings-title"
        >
          <summary id="studio-warnings-title" className="studio-problems__title">
            {t('studio.warnings.count', { count: warnings.length })}
          </summary>
          <p className="studio-hint">{t('studio.warnings.hint')}</p>
          <ol className="studio-problems__list">
            {warnings.map((w, i) => (
              <li key={i} data-problem-path={w.path}>
                {w.line ? (
                  <button
                    type="button"
                    className="studio-link"
                    onClick={() => goToLine(w.line ?? 1)}
                  >
                    {t('studio.status.line', { line: w.line })}
                  </button>
                ) : null}{' '}
                {w.message}
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      <div role="tablist" className="studio-tabs" aria-label={t('studio.tabs.label')}>
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`studio-tab-${x}`}
            aria-selected={tab === x}
            aria-controls={`studio-panel-${x}`}
            className="studio-tab"
            onClick={() => setTab(x)}
          >
            {t(`studio.tabs.${x}`)}
          </button>
        ))}
      </div>

      <div
        role="tabpanel"
        id={`studio-panel-${tab}`}
        aria-labelledby={`studio-tab-${tab}`}
        className="studio-panel"
      >
        {tab === 'edit' ? (
          <div className="studio-edit">
            <nav className="studio-sections" aria-label={t('studio.sections.label')}>
              <ul>
                {['header', ...lists].map((key) => {
                  const count =
                    key === 'header'
                      ? header.reduce((n, h) => n + errorsBelow(errors, h), 0)
                      : errorsBelow(errors, key);
                  const n =
                    key === 'header'
                      ? null
                      : Array.isArray(getAt(data, [key]))
                        ? (getAt(data, [key]) as unknown[]).length
                        : 0;
                  return (
                    <li key={key}>
                      <button
                        type="button"
                        className="studio-section"
                        aria-current={section === key ? 'true' : undefined}
                        onClick={() => {
                          setSection(key);
                          setItem(0);
                        }}
                      >
                        {t(`studio.sections.${key}`, { defaultValue: key })}
                        {n !== null ? ` (${n})` : ''}
                        {count > 0 ? (
                          <span className="studio-badge studio-badge--error">{count}</span>
                        ) : null}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <div className="studio-form" aria-label={t('studio.form.label')}>
              {data === null ? (
                <p>{t('studio.form.fixSyntax')}</p>
              ) : section === 'header' ? (
                <ObjectFields ctx={ctx} schema={headerSchema} path={[]} value={data} />
              ) : (
                <>
                  <div className="studio-items" role="list">
                    {sectionList.map((x, i) => {
                      const n = errorsBelow(errors, `${section}[${i}]`);
                      return (
                        <button
                          key={i}
                          type="button"
                          role="listitem"
                          className="studio-item-tab"
                          aria-current={item === i ? 'true' : undefined}
                          onClick={() => setItem(i)}
                        >
                          {itemName(x, i)}
                          {n > 0 ? (
                            <span className="studio-badge studio-badge--error">{n}</span>
                          ) : null}
                        </button>
                      );
                    })}
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={ctx.readOnly}
                      onClick={() => {
                        const s = deref(schema, rootProps[section]);
                        const items = deref(schema, (s.items ?? {}) as Schema);
                        const props = (items.properties ?? {}) as Record<string, Schema>;
                        const req = (items.required ?? []) as string[];
                        const blank: Record<string, unknown> = {};
                        for (const k of req) {
                          const p = deref(schema, props[k]);
                          blank[k] =
                            k === 'id'
                              ? `new_${sectionList.length + 1}`
                              : p.type === 'array'
                                ? []
                                : Array.isArray(p.enum)
                                  ? p.enum[0]
                                  : p.type === 'integer' || p.type === 'number'
                                    ? 0
                                    : p.type === 'boolean'
                                      ? false
                                      : Object.fromEntries(languages.map((l) => [l, '']));
                        }
                        ctx.edit({ op: 'append', path: [section], value: blank });
                        setItem(sectionList.length);
                      }}
                    >
                      {addWords(
                        t,
                        section,
                        t(`studio.sections.${section}`, { defaultValue: section }),
                      )}
                    </button>
                  </div>
                  {sectionList[item] !== undefined ? (
                    <Field
                      key={`${section}-${item}`}
                      ctx={ctx}
                      schema={(deref(schema, rootProps[section]).items ?? {}) as Schema}
                      path={[section, item]}
                      value={sectionList[item]}
                      name={item}
                      label={itemName(sectionList[item], item)}
                      required
                    />
                  ) : null}
                  {sectionList[item] !== undefined && !ctx.readOnly ? (
                    <button
                      type="button"
                      className="studio-link studio-link--danger"
                      onClick={() => {
                        ctx.edit({ op: 'delete', path: [section, item] });
                        setItem(Math.max(0, item - 1));
                      }}
                    >
                      {t('studio.form.removeItem', { name: itemName(sectionList[item], item) })}
                    </button>
                  ) : null}
                </>
              )}
            </div>
            <div className="studio-source-pane">
              <h2 className="studio-source-pane__title">{t('studio.source.title')}</h2>
              {/* Tab indents in the source: without this a keyboard user is caught in it. */}
              <p className="studio-hint" data-testid="studio-source-keys">
                {t('studio.source.keys')}
              </p>
              <SourceEditor
                value={source}
                onChange={setSource}
                errors={validation.errors}
                warnings={validation.warnings}
                label={`${t('studio.source.label')}. ${t('studio.source.keys')}`}
                focusLine={focusLine}
              />
            </div>
          </div>
        ) : null}
        {tab === 'map' ? (
          validation.graph ? (
            <PhaseMap graph={validation.graph} onSelect={open} />
          ) : (
            <p>{t('studio.map.invalid')}</p>
          )
        ) : null}
        {tab === 'check' ? (
          <CheckPanel token={token} source={source} options={optionsOf(data)} />
        ) : null}
        {tab === 'dryRun' ? (
          validation.ok ? (
            <DryRunPanel token={token} source={source} validation={validation} />
          ) : (
            <p>{t('studio.dryRun.invalid')}</p>
          )
        ) : null}
        {tab === 'versions' ? (
          <VersionsPanel
            token={token}
            scenario={{ ...initial, validation }}
            dirty={source !== saved}
            onPublished={reload}
          />
        ) : null}
      </div>
    </div>
  );
}
