import Type, { type Static } from 'typebox';
import { AttachmentId } from './attachments.ts';
import { Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/**
 * Pickers for a form task's person, household and building fields (docs/adr/0015-data-collection-forms.md):
 * what a worker may choose from is what lives in the task's target (its grid or community), searchable.
 */
export const PICKER_KINDS = ['person', 'household', 'building'] as const;
export const PICKER_LIMIT = 50;

export const PickerItem = Type.Object({
  /** The answer's value: a person or household id, or a building's org node id. */
  id: Type.String(),
  /** Name (person), address (household, building). */
  label: Type.String(),
  /** Address (person), members (household), the building's grid (building). */
  detail: Type.String(),
});

export const taskPicker = defineRoute({
  method: 'GET',
  url: '/api/form-tasks/:id/picker',
  access: { action: 'form.fill' },
  summary: 'People, households or buildings in a task’s target to answer its picker fields (people reads audited)',
  tags: ['forms'],
  params: Type.Object({ id: Uuid }),
  querystring: Type.Object({
    kind: Type.Enum(PICKER_KINDS),
    /** Name, pinyin initials, phone/ID tail or address — the registry's search box. */
    q: Type.Optional(Type.String({ maxLength: 40 })),
  }),
  response: Type.Object({ items: Type.Array(PickerItem), more: Type.Boolean() }),
});

export type PickerKind = (typeof PICKER_KINDS)[number];
export type PickerItemT = Static<typeof PickerItem>;

export const taskPhoto = defineRoute({
  method: 'GET',
  url: '/api/form-tasks/:id/photos/:attachmentId',
  access: { auth: 'authenticated' },
  summary: 'A photo a task’s answers name, for its fillers, its requester and overseers (metadata stripped)',
  tags: ['forms'],
  params: Type.Object({ id: Uuid, attachmentId: AttachmentId }),
  response: null,
});
