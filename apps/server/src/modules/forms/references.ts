/**
 * On submit, the people, households and buildings an answer names must lie in the task's target: the
 * pickers list only those, and a hand-made request naming anyone else is refused field by field.
 */
import type { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import * as org from '../org/service.ts';
import { refsUnder } from '../registry/form-refs.ts';
import type { Answers } from './answers.ts';
import type { FieldError } from './fields.ts';
import type * as repo from './repository.ts';

type Field = api.forms.FormFieldT;

export async function referenceErrors(
  ctx: Ctx,
  t: repo.TaskRow,
  fields: readonly Field[],
  answers: Answers,
): Promise<FieldError[]> {
  const named = (type: Field['type']) =>
    fields.filter((f) => f.type === type && typeof answers[f.key] === 'string').map((f) => f.key);
  const [peopleKeys, householdKeys, buildingKeys] = [named('person'), named('household'), named('building')];
  if (peopleKeys.length + householdKeys.length + buildingKeys.length === 0) return [];
  const idsOf = (keys: string[]) => [...new Set(keys.map((k) => answers[k] as string))];
  const [refs, nodes] = await Promise.all([
    refsUnder(
      ctx.tx,
      { communityId: t.community_id, path: t.target_path },
      {
        people: idsOf(peopleKeys),
        households: idsOf(householdKeys),
      },
    ),
    buildingKeys.length ? org.getNodes(ctx.tx, idsOf(buildingKeys)) : [],
  ]);
  const buildings = new Set(
    nodes.filter((n) => n.type === 'building' && n.path.startsWith(t.target_path)).map((n) => n.id),
  );
  const out: FieldError[] = [];
  const check = (keys: string[], found: Set<string>) => {
    for (const k of keys)
      if (!found.has(answers[k] as string)) out.push({ path: `/answers/${k}`, code: 'form_answer_outside_target' });
  };
  check(peopleKeys, refs.people);
  check(householdKeys, refs.households);
  check(buildingKeys, buildings);
  return out;
}
