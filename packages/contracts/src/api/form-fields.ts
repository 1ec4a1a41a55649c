/** A form's fields: their types, options, sub-fields of tables and bindings to the registry. */
import Type, { type Static } from 'typebox';

/** Data collection forms (一键采集/减表) — docs/adr/0015-data-collection-forms.md. */
export const FIELD_TYPES = [
  'text',
  'number',
  'date',
  'choice',
  'multi_choice',
  'person',
  'household',
  'building',
  'photo',
  'location',
  'table',
] as const;
export const SUB_FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
/**
 * What the registry can answer for a target (a community or grid): counts, total floor area, and a list of
 * the people with a tag (a table with the columns `name` and `address`).
 */
export const BINDING_KINDS = ['people', 'households', 'tag_count', 'age_count', 'floor_area', 'tag_list'] as const;
export const TASK_STATUSES = ['open', 'submitted', 'reopened', 'registry'] as const;
export const FORM_FIELDS_MAX = 100;
export const FORM_OPTIONS_MAX = 30;
export const TAG_LIST_COLUMNS = ['name', 'address'] as const;

const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'stable field key (column)' });
const Label = Type.String({ minLength: 1, maxLength: 60 });
const Options = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: FORM_OPTIONS_MAX });

export const Binding = Type.Object(
  {
    kind: Type.Enum(BINDING_KINDS),
    /** tag_count, tag_list: the registry tag's code. */
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** age_count: people at least this old. */
    minAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  },
  { additionalProperties: false },
);

export const SubField = Type.Object(
  {
    key: Key,
    label: Label,
    type: Type.Enum(SUB_FIELD_TYPES),
    required: Type.Optional(Type.Boolean()),
    options: Type.Optional(Options),
  },
  { additionalProperties: false },
);

export const FormField = Type.Object(
  {
    key: Key,
    label: Label,
    type: Type.Enum(FIELD_TYPES),
    required: Type.Optional(Type.Boolean()),
    options: Type.Optional(Options),
    /** Shown (and required) only when another, earlier field has a value (or this value). */
    showIf: Type.Optional(
      Type.Object(
        { field: Key, equals: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean()])) },
        { additionalProperties: false },
      ),
    ),
    binding: Type.Optional(Binding),
    /** table: the sub-fields of each row. */
    columns: Type.Optional(Type.Array(SubField, { minItems: 1, maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const FormFields = Type.Array(FormField, { minItems: 1, maxItems: FORM_FIELDS_MAX });
export type FormFieldT = Static<typeof FormField>;
export type BindingT = Static<typeof Binding>;
