// Which cluster context the UI works in. Each context has its own stores; the choice made in
// the app is remembered, while a --context given to the CLI or web host wins for that run only.
import { err, ok, type ContextInfo, type Result } from '../../preload/contract';
import { findContext, listContexts, type ContextList } from '../kube/contexts';
import type { SettingsRepo } from '../state/settings.repo';

export class ContextSession {
  private selected: string | null;

  constructor(
    private readonly kubeconfigPath: string | null,
    private readonly settings: SettingsRepo,
    override: string | null,
  ) {
    this.selected = override ?? this.initial();
  }

  /** The context stores are listed and created in; null when no kubeconfig offers one. */
  current(): string | null {
    return this.selected;
  }

  /** The current context, or a no_context error saying what to do. */
  require(): Result<string> {
    if (this.selected) return ok(this.selected);
    const listed = listContexts(this.kubeconfigPath);
    if (!listed.ok) return listed;
    return err('no_context', 'No cluster context selected: pick one in the header (or pass --context)');
  }

  list(): Result<ContextList> {
    const listed = listContexts(this.kubeconfigPath);
    return listed.ok ? ok({ ...listed.value, current: this.selected }) : listed;
  }

  select(name: string): Result<ContextInfo> {
    const found = findContext(name, this.kubeconfigPath);
    if (!found.ok) return found;
    this.selected = name;
    this.settings.setSelectedContext(name);
    return found;
  }

  /**
   * After a kubeconfig reload: with no context chosen yet (there was no kubeconfig at the start),
   * take the one the file makes current, as a start with that file would. Returns it, or null.
   */
  adoptCurrent(): string | null {
    if (this.selected) return null;
    this.selected = this.initial();
    return this.selected;
  }

  /** The selected context went away (its cluster was deleted): fall back to the kubeconfig's current one. */
  clear(): void {
    this.settings.setSelectedContext(null);
    const listed = listContexts(this.kubeconfigPath);
    this.selected = listed.ok ? listed.value.current : null;
  }

  private initial(): string | null {
    const listed = listContexts(this.kubeconfigPath);
    if (!listed.ok) return null;
    const remembered = this.settings.getSelectedContext();
    if (remembered && listed.value.contexts.some((c) => c.name === remembered)) return remembered;
    return listed.value.current;
  }
}
