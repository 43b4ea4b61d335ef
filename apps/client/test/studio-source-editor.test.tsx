/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { act, render } from '@testing-library/react';
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { SourceEditor } from '../src/studio/SourceEditor';

function editorIn(container: HTMLElement): EditorView {
  const content = container
    .querySelector('[data-testid="studio-source"]')
    ?.shadowRoot?.querySelector<HTMLElement>('.cm-content');
  const view = content ? EditorView.findFromDOM(content) : null;
  if (!view) throw new Error('no editor');
  return view;
}

function typeOver(view: EditorView, data: string): InputEvent {
  const event = new InputEvent('beforeinput', {
    inputType: 'insertText',
    data,
    bubbles: true,
    cancelable: true,
  });
  act(() => {
    view.contentDOM.dispatchEvent(event);
  });
  return event;
}

// Chrome, typing over highlighted text, keeps its look in a `<span style>` the CSP refuses: the
// editor removes the selected text itself first, so the browser only ever types at a plain caret.
test('typing over a selection removes the selected text before the browser types the character', () => {
  const changes: string[] = [];
  const { container } = render(
    <SourceEditor
      value={'id: case\ntitle: A case\n'}
      onChange={(next) => changes.push(next)}
      errors={[]}
      warnings={[]}
      label="Source"
    />,
  );
  const view = editorIn(container);
  act(() => {
    view.dispatch({ selection: EditorSelection.single(0, view.state.doc.length) });
  });

  const event = typeOver(view, 'J');

  expect(event.defaultPrevented).toBe(false);
  expect(view.state.doc.toString()).toBe('');
  expect(changes).toEqual(['']);
  expect(view.state.selection.main.empty).toBe(true);
});

test('typing with nothing selected is left to the browser alone', () => {
  const { container } = render(
    <SourceEditor
      value={'id: case\n'}
      onChange={() => {}}
      errors={[]}
      warnings={[]}
      label="Source"
    />,
  );
  const view = editorIn(container);

  const event = typeOver(view, 'x');

  expect(event.defaultPrevented).toBe(false);
  expect(view.state.doc.toString()).toBe('id: case\n');
});
