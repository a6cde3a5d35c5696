import { describe, expect, it } from 'vitest';
import { createViewStore } from './view.state';

describe('view store', () => {
  it('opens a store on its Timeline tab and keeps the tab while the same store stays open', () => {
    const view = createViewStore();
    view.getState().show('audit');
    view.getState().select('a');
    expect(view.getState()).toMatchObject({ view: 'stores', selectedId: 'a', tab: 'timeline' });
    view.getState().setTab('logs');
    view.getState().select('a');
    expect(view.getState().tab).toBe('logs');
    view.getState().select('b');
    expect(view.getState()).toMatchObject({ selectedId: 'b', tab: 'timeline' });
    view.getState().select(null);
    expect(view.getState().selectedId).toBeNull();
  });
});
