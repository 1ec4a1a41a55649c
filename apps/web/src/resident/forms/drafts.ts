/**
 * Drafts on the phone: every change is kept in localStorage first (it survives going offline and reloading),
 * then uploaded with the task's version; an upload clears the local copy's `dirty` mark.
 */
export interface LocalDraft {
  answers: Record<string, unknown>;
  /** The server version the local answers were based on. */
  version: number;
  dirty: boolean;
}

const key = (taskId: string) => `linli.form-draft.${taskId}`;

export function readDraft(taskId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(taskId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(taskId: string, d: LocalDraft): void {
  try {
    localStorage.setItem(key(taskId), JSON.stringify(d));
  } catch {
    // Storage full or disabled: the server draft is still saved while online.
  }
}

export const clearDraft = (taskId: string) => localStorage.removeItem(key(taskId));

/**
 * What a picked id stands for (a person's name and address …): answers hold only ids, so the phone keeps the
 * labels it showed, per task, to show the choice again after a reload or offline.
 */
export interface PickedLabel {
  label: string;
  detail: string;
}
const labelsKey = (taskId: string) => `linli.form-labels.${taskId}`;

function readLabels(taskId: string): Record<string, PickedLabel> {
  try {
    return JSON.parse(localStorage.getItem(labelsKey(taskId)) ?? '{}') as Record<string, PickedLabel>;
  } catch {
    return {};
  }
}

export const pickedLabel = (taskId: string, id: string): PickedLabel | null => readLabels(taskId)[id] ?? null;

export function rememberLabel(taskId: string, id: string, l: PickedLabel): void {
  try {
    localStorage.setItem(labelsKey(taskId), JSON.stringify({ ...readLabels(taskId), [id]: l }));
  } catch {
    // Storage full: the choice still holds; only its name is not shown after a reload.
  }
}
