import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { StudioProblem } from '@crossroads/shared';

/** The smallest replacement turning `a` into `b` (so the cursor stays where it was). */
export function minimalChange(
  a: string,
  b: string,
): { from: number; to: number; insert: string } | null {
  if (a === b) return null;
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

function diagnostics(
  state: EditorState,
  problems: readonly StudioProblem[],
  severity: 'error' | 'warning',
): Diagnostic[] {
  const lines = state.doc.lines;
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line ?? 1, 1), lines));
    return {
      from: line.from,
      to: line.to,
      severity,
      message: p.path ? `${p.path}: ${p.message}` : p.message,
    };
  });
}

/**
 * Typing over a selection: the editor removes the selected text itself before the browser types.
 * Chrome, replacing highlighted text, wraps the first typed character in a `<span style="color:
 * ...">` to keep the old text's look, and the site's style-src policy refuses that attribute (a CSP
 * error in the console each time an author selects all and types). Typing the character here
 * instead (preventDefault) lost the caret when keys came fast. Composition (IME) is left alone.
 */
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const { state } = view;
    if (
      event.inputType !== 'insertText' ||
      event.data === null ||
      event.isComposing ||
      view.composing ||
      state.readOnly ||
      state.selection.ranges.every((r) => r.empty)
    )
      return false;
    view.dispatch(state.update(state.replaceSelection(''), { userEvent: 'input.type' }));
    return false;
  },
});

/**
 * The scenario's YAML source in CodeMirror 6 (YAML highlighting, line numbers, undo, the
 * validator's problems in the gutter). CodeMirror styles itself through constructable style
 * sheets, not inline <style> elements, so it keeps working under a strict style-src policy.
 */
export function SourceEditor({
  value,
  onChange,
  errors,
  warnings,
  label,
  readOnly = false,
  focusLine = null,
}: {
  value: string;
  onChange: (next: string) => void;
  errors: readonly StudioProblem[];
  warnings: readonly StudioProblem[];
  label: string;
  readOnly?: boolean;
  /** Put the cursor at the start of this line (1-based), scrolled into view; a new object each time. */
  focusLine?: { line: number } | null;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    // CodeMirror adopts constructed style sheets only inside a shadow root; on the document it
    // would add <style> elements, which the site's style-src policy blocks.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle),
          lintGutter(),
          EditorView.lineWrapping,
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          typeOverSelection,
          EditorView.updateListener.of((update) => {
            const external = update.transactions.some(
              (tr) => tr.annotation(Transaction.remote) === true,
            );
            if (update.docChanged && !external) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const change = minimalChange(editor.state.doc.toString(), value);
    if (change) editor.dispatch({ changes: change, annotations: Transaction.remote.of(true) });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(
      setDiagnostics(editor.state, [
        ...diagnostics(editor.state, errors, 'error'),
        ...diagnostics(editor.state, warnings, 'warning'),
      ]),
    );
  }, [errors, warnings, value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !focusLine) return;
    const lines = editor.state.doc.lines;
    const line = editor.state.doc.line(Math.min(Math.max(focusLine.line, 1), lines));
    // The source box (at most 75 % of the window, scrolling inside) into the middle of the
    // window, then the line into the middle of the box: at the bottom, the page's status bar
    // would cover it.
    host.current?.scrollIntoView({ block: 'center' });
    editor.dispatch({
      selection: { anchor: line.from },
      effects: EditorView.scrollIntoView(line.from, { y: 'center' }),
    });
    editor.focus();
  }, [focusLine]);

  return <div className="studio-source" ref={host} data-testid="studio-source" />;
}
