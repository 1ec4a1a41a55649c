/** Designing forms: create, change (a sent version is never changed: a new version is made), read. */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { bindingErrors } from '../registry/form-bindings.ts';
import { checkFields, fingerprint } from './fields.ts';
import * as repo from './repository.ts';

type Field = api.forms.FormFieldT;

export const invalid = (errors: { path: string; code: string }[]) => new AppError(422, 'form_invalid', {}, errors);

/** A form the caller asked for (or oversees); anything else is not found. */
export async function formFor(ctx: Ctx, id: string, mode: 'read' | 'own' = 'read') {
  const form = await repo.formById(ctx.tx, id);
  if (!form) throw notFound();
  const mine = form.created_by === ctx.user?.id && ctx.can('form.design', form.owner_path);
  if (mine || (mode === 'read' && ctx.can('form.oversee', form.owner_path))) return form;
  throw notFound();
}

/** Field rules, then what the registry lets this requester bind at the owner node; nothing is written. */
async function validate(ctx: Ctx, ownerPath: string, fields: Field[]) {
  const errors = checkFields(fields);
  if (errors.length) throw invalid(errors);
  const denied = await bindingErrors(ctx, ownerPath, fields);
  if (denied.length) throw invalid(denied);
}

export async function create(ctx: Ctx, b: api.forms.FormCreateT) {
  const owner = await org.getNode(ctx.tx, b.ownerNodeId);
  if (!owner || !ctx.can('form.design', owner.path))
    throw new AppError(422, 'node_not_found', {}, [{ path: '/ownerNodeId', code: 'node_not_found' }]);
  await validate(ctx, owner.path, b.fields);
  const id = randomUUID();
  await repo.insertForm(ctx.tx, {
    id,
    owner_node_id: owner.id,
    owner_path: owner.path,
    created_by: ctx.user!.id,
    created_by_name: ctx.user!.name,
    title: b.title,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await repo.insertVersion(ctx.tx, {
    form_id: id,
    version_no: 1,
    fields: JSON.stringify(b.fields),
    fingerprint: fingerprint(b.fields),
    created_at: ctx.now,
  });
  await ctx.audit({
    action: 'form.create',
    resourceType: 'form',
    resourceId: id,
    nodeId: owner.id,
    nodePath: owner.path,
    detail: { title: b.title, fields: b.fields.length },
  });
  await ctx.emit({ topic: 'form.created', payload: { formId: id, ownerNodeId: owner.id } });
  return detail(ctx, id);
}

export async function update(ctx: Ctx, id: string, b: api.forms.FormUpdateT) {
  const form = await formFor(ctx, id, 'own');
  if (form.version !== b.version) throw conflict('version_conflict');
  await validate(ctx, form.owner_path, b.fields);
  const current = await repo.versionOf(ctx.tx, id, form.current_version);
  const next = current.sent ? form.current_version + 1 : form.current_version;
  if (!(await repo.bumpForm(ctx.tx, id, b.version, { title: b.title, current_version: next, updated_at: ctx.now })))
    throw conflict('version_conflict');
  if (current.sent)
    await repo.insertVersion(ctx.tx, {
      form_id: id,
      version_no: next,
      fields: JSON.stringify(b.fields),
      fingerprint: fingerprint(b.fields),
      created_at: ctx.now,
    });
  else await repo.replaceFields(ctx.tx, id, next, b.fields, fingerprint(b.fields));
  await ctx.audit({
    action: 'form.update',
    resourceType: 'form',
    resourceId: id,
    nodeId: form.owner_node_id,
    nodePath: form.owner_path,
    detail: { versionNo: next, newVersion: current.sent },
  });
  await ctx.emit({ topic: 'form.updated', payload: { formId: id, versionNo: next } });
  return detail(ctx, id);
}

function summary(form: repo.FormRow, fields: Field[], ownerName: string) {
  return {
    id: form.id,
    title: form.title,
    ownerNodeId: form.owner_node_id,
    ownerName,
    currentVersion: form.current_version,
    version: form.version,
    fieldCount: fields.length,
    boundCount: fields.filter((f) => f.binding).length,
    createdAt: form.created_at.toISOString(),
  };
}

export async function detail(ctx: Ctx, id: string) {
  const form = await formFor(ctx, id);
  const [v, owner, sends] = await Promise.all([
    repo.versionOf(ctx.tx, id, form.current_version),
    org.getNode(ctx.tx, form.owner_node_id),
    repo.sendsOf(ctx.tx, id),
  ]);
  const fields = v.fields as Field[];
  return {
    ...summary(form, fields, owner?.name ?? ''),
    fields,
    sent: v.sent,
    sends: sends.map((s) => ({
      id: s.id,
      versionNo: s.version_no,
      deadline: new Date(s.deadline).toISOString(),
      sentAt: new Date(s.sent_at).toISOString(),
      targets: Number(s.targets ?? 0),
    })),
  };
}

export async function list(ctx: Ctx) {
  const forms = await repo.formsBy(ctx.tx, ctx.user!.id);
  const mine = forms.filter((x) => ctx.can('form.design', x.owner_path));
  const versions = await repo.versionsOf(
    ctx.tx,
    mine.map((x) => x.id),
  );
  const owners = new Map(
    (await org.getNodes(ctx.tx, [...new Set(mine.map((x) => x.owner_node_id))])).map((n) => [n.id, n.name]),
  );
  return {
    items: mine.map((x) => {
      const v = versions.find((r) => r.form_id === x.id && r.version_no === x.current_version)!;
      return summary(x, v.fields as Field[], owners.get(x.owner_node_id) ?? '');
    }),
  };
}
