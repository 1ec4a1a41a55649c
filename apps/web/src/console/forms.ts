import type { FormInstance } from 'antd';
import { fieldErrors } from '../shared/api.ts';

/** Puts a 422's field errors (`/name` → `name`) on the antd form; true when there were any. */
export function applyFieldErrors<T>(form: FormInstance<T>, e: unknown, rename: Record<string, string> = {}): boolean {
  const fields = Object.entries(fieldErrors(e)).map(([k, msg]) => ({ name: rename[k] ?? k, errors: [msg] }));
  if (fields.length) form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return fields.length > 0;
}
